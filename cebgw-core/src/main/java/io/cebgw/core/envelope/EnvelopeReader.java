package io.cebgw.core.envelope;

import io.cebgw.core.model.RawContent;
import io.cebgw.core.model.RawElement;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.Namespaces;
import io.cebgw.core.xml.RawXml;
import io.cebgw.core.xml.ReadError;
import io.cebgw.core.xml.XmlInput;
import io.cebgw.core.xml.XmlLimits;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads DxpMsg, DxpMsgSv and DxpRep documents (prefixed or default namespace). */
public final class EnvelopeReader {
    private final XmlLimits limits;

    public EnvelopeReader(XmlLimits limits) {
        this.limits = limits;
    }

    public EnvelopeReader() {
        this(XmlLimits.DEFAULT);
    }

    /** True when the element is one of the DXP envelope roots. */
    public static boolean isEnvelopeRoot(String namespace, String localName) {
        return Namespaces.DXP.equals(namespace)
                && (DxpMsg.ROOT.equals(localName) || DxpMsgSv.ROOT.equals(localName) || DxpRep.ROOT.equals(localName));
    }

    public Envelope read(byte[] document) throws CebReadException {
        XMLStreamReader r = XmlInput.openAtRoot(document);
        try {
            if (!isEnvelopeRoot(r.getNamespaceURI(), r.getLocalName())) {
                throw new CebReadException(ReadError.UNKNOWN_ROOT, qualified(r));
            }
            return read(r);
        } finally {
            close(r);
        }
    }

    /** Reads the envelope whose root the reader is on. */
    public Envelope read(XMLStreamReader r) throws CebReadException {
        RawElement root;
        try {
            root = RawXml.capture(r, 1, limits);
        } catch (XMLStreamException e) {
            throw XmlInput.translate(e);
        }
        try {
            return switch (root.localName()) {
                case DxpMsg.ROOT -> dxpMsg(root);
                case DxpMsgSv.ROOT -> dxpMsgSv(root);
                default -> dxpRep(root);
            };
        } catch (EnvelopeException e) {
            throw new CebReadException(ReadError.BAD_ENVELOPE, e.getMessage());
        }
    }

    private DxpMsg dxpMsg(RawElement e) throws CebReadException {
        TransInfo info = transInfo(required(e, "TransInfo"));
        byte[] data = decode(required(e, "Data").text());
        RawElement add = e.childElement("AddInfo");
        AddInfo addInfo = null;
        if (add != null) {
            List<AddInfo.BizKey> keys = new ArrayList<>();
            RawElement biz = add.childElement("BizKey");
            if (biz != null) {
                for (RawElement key : elements(biz, "Key")) {
                    keys.add(new AddInfo.BizKey(attribute(key, "name"), key.text().trim()));
                }
            }
            addInfo = new AddInfo(text(add, "FileName"), text(add, "IcCard"), keys);
        }
        return new DxpMsg(info, data, addInfo);
    }

    private DxpMsgSv dxpMsgSv(RawElement e) throws CebReadException {
        RawElement sv = required(e, "SvNo");
        SvNo svNo = new SvNo(requiredText(sv, "MsgId"), text(sv, "SubMsgId"), requiredText(sv, "SendTime"),
                requiredText(sv, "EndNode"), requiredText(sv, "StaNode"));
        return new DxpMsgSv(svNo, dxpMsg(required(e, DxpMsg.ROOT)));
    }

    private DxpRep dxpRep(RawElement e) throws CebReadException {
        List<DxpRep.Response> responses = new ArrayList<>();
        for (RawElement resp : elements(e, "Response")) {
            List<DxpRep.Result> results = new ArrayList<>();
            RawElement rs = resp.childElement("Results");
            if (rs != null) {
                for (RawElement result : elements(rs, "Result")) {
                    results.add(new DxpRep.Result(text(result, "RecId"), text(result, "Code"), text(result, "Info"), text(result, "Note")));
                }
            }
            responses.add(new DxpRep.Response(text(resp, "NodeId"), requiredText(resp, "ResponseCode"), text(resp, "ResponseInfo"),
                    results, requiredText(resp, "NoticeTime"), text(resp, "Note"), transInfo(required(resp, "OriHead"))));
        }
        return new DxpRep(requiredText(e, "RecevierId"), text(e, "AdNodeId"), responses);
    }

    private TransInfo transInfo(RawElement e) throws CebReadException {
        List<String> receivers = new ArrayList<>();
        for (RawElement id : elements(required(e, "ReceiverIds"), "ReceiverId")) {
            receivers.add(id.text().trim());
        }
        return new TransInfo(requiredText(e, "CopMsgId"), requiredText(e, "SenderId"), receivers,
                requiredText(e, "CreatTime"), text(e, "MsgType") == null ? "" : text(e, "MsgType"));
    }

    private static byte[] decode(String base64) throws CebReadException {
        String compact = base64.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw new CebReadException(ReadError.BAD_BASE64, "Data is empty");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new CebReadException(ReadError.BAD_BASE64, e.getMessage());
        }
    }

    private static List<RawElement> elements(RawElement parent, String name) {
        List<RawElement> out = new ArrayList<>();
        for (RawContent c : parent.content()) {
            if (c instanceof RawElement child && child.localName().equals(name)) {
                out.add(child);
            }
        }
        return out;
    }

    private static RawElement required(RawElement parent, String name) throws CebReadException {
        RawElement child = parent.childElement(name);
        if (child == null) {
            throw new CebReadException(ReadError.BAD_ENVELOPE, parent.localName() + " lacks " + name);
        }
        return child;
    }

    private static String requiredText(RawElement parent, String name) throws CebReadException {
        return required(parent, name).text().trim();
    }

    private static String text(RawElement parent, String name) {
        RawElement child = parent.childElement(name);
        return child == null ? null : child.text().trim();
    }

    private static String attribute(RawElement e, String name) {
        for (RawElement.Attribute a : e.attributes()) {
            if (a.localName().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    private static String qualified(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return (ns == null || ns.isEmpty() ? "" : "{" + ns + "}") + r.getLocalName();
    }

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing to release for an in-memory reader
        }
    }
}

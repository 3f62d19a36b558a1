package io.cebgw.core.envelope;

import io.cebgw.core.xml.Namespaces;
import io.cebgw.core.xml.XmlOutput;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes DXP envelopes in the default-namespace style most exchange clients use. */
public final class EnvelopeWriter {
    private static final XMLOutputFactory FACTORY = XmlOutput.factory();
    private static final String NL = "\n";

    public byte[] write(Envelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            w.writeCharacters(NL);
            if (envelope instanceof DxpMsg m) {
                dxpMsg(w, m, true);
            } else if (envelope instanceof DxpMsgSv sv) {
                dxpMsgSv(w, sv);
            } else {
                dxpRep(w, (DxpRep) envelope);
            }
            w.writeCharacters(NL);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write envelope", e);
        }
        return out.toByteArray();
    }

    private void dxpMsg(XMLStreamWriter w, DxpMsg m, boolean declare) throws XMLStreamException {
        w.writeStartElement("", DxpMsg.ROOT, Namespaces.DXP);
        if (declare) {
            w.writeDefaultNamespace(Namespaces.DXP);
        }
        w.writeAttribute("ver", "1.0");
        transInfo(w, "TransInfo", m.transInfo());
        element(w, "Data", Base64.getEncoder().encodeToString(m.data()));
        if (m.addInfo() != null) {
            AddInfo a = m.addInfo();
            w.writeStartElement(Namespaces.DXP, "AddInfo");
            optional(w, "FileName", a.fileName());
            optional(w, "IcCard", a.icCard());
            if (!a.bizKeys().isEmpty()) {
                w.writeStartElement(Namespaces.DXP, "BizKey");
                for (AddInfo.BizKey key : a.bizKeys()) {
                    w.writeStartElement(Namespaces.DXP, "Key");
                    w.writeAttribute("name", key.name());
                    w.writeCharacters(key.value());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void dxpMsgSv(XMLStreamWriter w, DxpMsgSv sv) throws XMLStreamException {
        w.writeStartElement("", DxpMsgSv.ROOT, Namespaces.DXP);
        w.writeDefaultNamespace(Namespaces.DXP);
        w.writeAttribute("ver", "1.0");
        SvNo no = sv.svNo();
        w.writeStartElement(Namespaces.DXP, "SvNo");
        w.writeAttribute("Ver", "1.0");
        element(w, "MsgId", no.msgId());
        optional(w, "SubMsgId", no.subMsgId());
        element(w, "SendTime", no.sendTime());
        element(w, "EndNode", no.endNode());
        element(w, "StaNode", no.staNode());
        w.writeEndElement();
        dxpMsg(w, sv.dxpMsg(), false);
        w.writeEndElement();
    }

    private void dxpRep(XMLStreamWriter w, DxpRep rep) throws XMLStreamException {
        w.writeStartElement("", DxpRep.ROOT, Namespaces.DXP);
        w.writeDefaultNamespace(Namespaces.DXP);
        w.writeAttribute("ver", "1.0");
        element(w, "RecevierId", rep.receiverId());
        optional(w, "AdNodeId", rep.adNodeId());
        for (DxpRep.Response r : rep.responses()) {
            w.writeStartElement(Namespaces.DXP, "Response");
            optional(w, "NodeId", r.nodeId());
            element(w, "ResponseCode", r.responseCode());
            optional(w, "ResponseInfo", r.responseInfo());
            if (!r.results().isEmpty()) {
                w.writeStartElement(Namespaces.DXP, "Results");
                for (DxpRep.Result result : r.results()) {
                    w.writeStartElement(Namespaces.DXP, "Result");
                    element(w, "RecId", result.recId());
                    element(w, "Code", result.code());
                    optional(w, "Info", result.info());
                    optional(w, "Note", result.note());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            element(w, "NoticeTime", r.noticeTime());
            optional(w, "Note", r.note());
            transInfo(w, "OriHead", r.oriHead());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void transInfo(XMLStreamWriter w, String name, TransInfo t) throws XMLStreamException {
        w.writeStartElement(Namespaces.DXP, name);
        element(w, "CopMsgId", t.copMsgId());
        element(w, "SenderId", t.senderId());
        w.writeStartElement(Namespaces.DXP, "ReceiverIds");
        for (String id : t.receiverIds()) {
            element(w, "ReceiverId", id);
        }
        w.writeEndElement();
        element(w, "CreatTime", t.creatTime());
        element(w, "MsgType", t.msgType());
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(Namespaces.DXP, name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static void optional(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text != null) {
            element(w, name, text);
        }
    }
}

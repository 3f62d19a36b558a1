package io.cebgw.core.codec;

import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.model.RawElement;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.NodeDef;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.Namespaces;
import io.cebgw.core.xml.RawXml;
import io.cebgw.core.xml.ReadError;
import io.cebgw.core.xml.XmlInput;
import io.cebgw.core.xml.XmlLimits;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CEB messages: bare ({@code ceb:}-prefixed or default namespace, 202205 or 2018) or inside a DxpMsg
 * or DxpMsgSv. Unsafe or unreadable input fails with a {@link CebReadException}; a readable document whose
 * structure breaks the spec (unknown, misplaced or repeated elements) is read as far as possible and the
 * defects are returned as findings, so that a user sees all of them at once.
 */
public final class CebReader {
    private final XmlLimits limits;
    private final EnvelopeReader envelopes;

    public CebReader(XmlLimits limits) {
        this.limits = limits;
        this.envelopes = new EnvelopeReader(limits);
    }

    public CebReader() {
        this(XmlLimits.DEFAULT);
    }

    public ReadResult read(Path file) throws CebReadException {
        return read(XmlInput.readFile(file, limits));
    }

    public ReadResult read(byte[] document) throws CebReadException {
        XMLStreamReader r = XmlInput.openAtRoot(document);
        try {
            if (EnvelopeReader.isEnvelopeRoot(r.getNamespaceURI(), r.getLocalName())) {
                Envelope envelope = envelopes.read(r);
                DxpMsg msg;
                if (envelope instanceof DxpMsg m) {
                    msg = m;
                } else if (envelope instanceof DxpMsgSv sv) {
                    msg = sv.dxpMsg();
                } else {
                    throw new CebReadException(ReadError.NO_BUSINESS_MESSAGE, envelope.rootName());
                }
                ReadResult inner = readBare(msg.data());
                return new ReadResult(inner.message(), inner.findings(), envelope, inner.businessXml());
            }
            return readMessage(r, document);
        } finally {
            close(r);
        }
    }

    private ReadResult readBare(byte[] document) throws CebReadException {
        XMLStreamReader r = XmlInput.openAtRoot(document);
        try {
            if (EnvelopeReader.isEnvelopeRoot(r.getNamespaceURI(), r.getLocalName())) {
                throw new CebReadException(ReadError.BAD_ENVELOPE, "an envelope inside Data");
            }
            return readMessage(r, document);
        } finally {
            close(r);
        }
    }

    private ReadResult readMessage(XMLStreamReader r, byte[] document) throws CebReadException {
        MessageType type = messageType(r);
        CebMessage message = new CebMessage(type, r.getAttributeValue(null, "guid"), r.getAttributeValue(null, "version"));
        Walk walk = new Walk(message);
        try {
            walk.children(r, message.root(), "/ceb:" + type.rootName(), 1);
        } catch (XMLStreamException e) {
            throw XmlInput.translate(e);
        }
        return new ReadResult(message, walk.findings, null, document);
    }

    private static MessageType messageType(XMLStreamReader r) throws CebReadException {
        String ns = r.getNamespaceURI();
        String local = r.getLocalName();
        Optional<MessageType> type = MessageType.byRootName(local);
        if (type.isEmpty()) {
            String prefix = r.getPrefix() == null || r.getPrefix().isEmpty() ? "" : r.getPrefix() + ":";
            throw new CebReadException(ReadError.UNKNOWN_ROOT, prefix + local, r.getLocation().getLineNumber());
        }
        if (!Namespaces.CEB.equals(ns)) {
            throw new CebReadException(ReadError.UNKNOWN_ROOT,
                    local + " in namespace '" + (ns == null ? "" : ns) + "' (expected " + Namespaces.CEB + ")");
        }
        return type.get();
    }

    /** One pass over a message's elements, collecting structural findings. */
    private final class Walk {
        private final CebMessage message;
        private final List<Finding> findings = new ArrayList<>();

        Walk(CebMessage message) {
            this.message = message;
        }

        void children(XMLStreamReader r, Node node, String path, int depth) throws XMLStreamException, CebReadException {
            GroupDef def = node.def();
            boolean atRoot = node == message.root();
            int lastPosition = -1;
            String lastName = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return;
                }
                if (event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                    findings.add(FindingCode.UNEXPECTED_CONTENT.at(path, def.name(), "text \"" + abbreviate(r.getText().trim()) + "\""));
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (depth + 1 > limits.maxDepth()) {
                    throw new CebReadException(ReadError.TOO_DEEP, String.valueOf(limits.maxDepth()), r.getLocation().getLineNumber());
                }
                String ns = r.getNamespaceURI();
                String local = r.getLocalName();
                int position;
                if (atRoot && Namespaces.XMLDSIG.equals(ns) && "Signature".equals(local)) {
                    position = def.children().size();
                    RawElement signature = RawXml.capture(r, depth + 1, limits);
                    rootExtra(path, "ds:Signature", signature, message.signatures());
                } else if (atRoot && Namespaces.CEB.equals(ns) && "ExtendMessage".equals(local)) {
                    position = def.children().size() + 1;
                    RawElement extend = RawXml.capture(r, depth + 1, limits);
                    rootExtra(path, "ceb:ExtendMessage", extend, message.extendMessages());
                } else {
                    NodeDef child = Namespaces.CEB.equals(ns) ? def.child(local) : null;
                    if (child == null) {
                        findings.add(FindingCode.UNKNOWN_ELEMENT.at(path + "/" + qualified(r), qualified(r), def.name()));
                        skip(r);
                        continue;
                    }
                    position = def.position(local);
                    if (child instanceof FieldDef field) {
                        field(r, node, field, path);
                    } else {
                        Node childNode = node.add(local);
                        int index = node.children(local).size();
                        boolean indexed = child.occurs().repeatable() || index > 1;
                        children(r, childNode, path + "/ceb:" + local + (indexed ? "[" + index + "]" : ""), depth + 1);
                    }
                }
                if (position < lastPosition) {
                    findings.add(FindingCode.ELEMENT_ORDER.at(path + "/" + qualified(r), local, lastName));
                } else {
                    lastPosition = position;
                    lastName = local;
                }
            }
        }

        private void rootExtra(String path, String name, RawElement element, List<RawElement> into) {
            if (!message.type().isDeclaration()) {
                findings.add(FindingCode.ELEMENT_NOT_ALLOWED_HERE.at(path + "/" + name, name, message.type().rootName()));
            }
            into.add(element);
        }

        private void field(XMLStreamReader r, Node node, FieldDef field, String parentPath) throws XMLStreamException {
            String text = "";
            StringBuilder more = null; // only for text that arrives in several events
            boolean nested = false;
            int level = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    nested = true;
                    level++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (level == 0) {
                        break;
                    }
                    level--;
                } else if (level == 0 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    if (text.isEmpty() && more == null) {
                        text = r.getText();
                    } else {
                        more = more == null ? new StringBuilder(text) : more;
                        more.append(r.getText());
                    }
                }
            }
            if (nested) {
                findings.add(FindingCode.UNEXPECTED_CONTENT.at(parentPath + "/ceb:" + field.name(), field.name(), "child elements"));
            }
            if (node.has(field.name())) {
                findings.add(FindingCode.DUPLICATE_FIELD.at(parentPath + "/ceb:" + field.name(), field.name()));
                return;
            }
            node.set(field.name(), more == null ? text : more.toString());
        }

        private void skip(XMLStreamReader r) throws XMLStreamException {
            int level = 1;
            while (level > 0 && r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    level++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    level--;
                }
            }
        }
    }

    private static String qualified(XMLStreamReader r) {
        String prefix = r.getPrefix();
        return (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + r.getLocalName();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // in-memory reader: nothing to release
        }
    }
}

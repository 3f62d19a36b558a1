package io.cebgw.core.codec;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.model.RawElement;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.NodeDef;
import io.cebgw.core.xml.Namespaces;
import io.cebgw.core.xml.XmlOutput;
import io.cebgw.core.xml.RawXml;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes CEB messages exactly as the spec and the signature need them: UTF-8, {@code ceb:} on every element,
 * {@code xmlns:ceb} and {@code xmlns:xsi} declared on the root (SignedInfo is canonicalized in document
 * context, so these declarations are part of what is signed), elements in the order of the definitions.
 */
public final class CebWriter {
    private static final XMLOutputFactory FACTORY = XmlOutput.factory();
    private static final Map<String, String> ROOT_SCOPE = Map.of(Namespaces.CEB_PREFIX, Namespaces.CEB, Namespaces.XSI_PREFIX, Namespaces.XSI);
    private static final String[] INDENTS = new String[16];

    static {
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = "\n" + "  ".repeat(i);
        }
    }

    public byte[] write(CebMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        write(message, out);
        return out.toByteArray();
    }

    public void write(CebMessage message, OutputStream out) {
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            w.writeCharacters("\n");
            w.writeStartElement(Namespaces.CEB_PREFIX, message.type().rootName(), Namespaces.CEB);
            w.writeNamespace(Namespaces.CEB_PREFIX, Namespaces.CEB);
            w.writeNamespace(Namespaces.XSI_PREFIX, Namespaces.XSI);
            if (message.guid() != null) {
                w.writeAttribute("guid", message.guid());
            }
            if (message.version() != null) {
                w.writeAttribute("version", message.version());
            }
            content(w, message.root(), 1);
            raw(w, message.signatures());
            raw(w, message.extendMessages());
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + message.type().rootName(), e);
        }
    }

    private void content(XMLStreamWriter w, Node node, int level) throws XMLStreamException {
        GroupDef def = node.def();
        for (NodeDef child : def.children()) {
            if (child instanceof FieldDef field) {
                String value = node.get(field.name());
                if (value != null) {
                    indent(w, level);
                    w.writeStartElement(Namespaces.CEB_PREFIX, field.name(), Namespaces.CEB);
                    w.writeCharacters(value);
                    w.writeEndElement();
                }
            } else {
                for (Node c : node.children(child.name())) {
                    indent(w, level);
                    w.writeStartElement(Namespaces.CEB_PREFIX, child.name(), Namespaces.CEB);
                    content(w, c, level + 1);
                    indent(w, level);
                    w.writeEndElement();
                }
            }
        }
    }

    private static void raw(XMLStreamWriter w, List<RawElement> elements) throws XMLStreamException {
        for (RawElement e : elements) {
            indent(w, 1);
            RawXml.write(w, e, ROOT_SCOPE);
        }
    }

    private static void indent(XMLStreamWriter w, int level) throws XMLStreamException {
        w.writeCharacters(level < INDENTS.length ? INDENTS[level] : "\n" + "  ".repeat(level));
    }
}

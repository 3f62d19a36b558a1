package io.cebgw.core.xml;

import io.cebgw.core.model.RawContent;
import io.cebgw.core.model.RawElement;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Captures an element verbatim from a reader and writes it back unchanged (up to canonical equivalence). */
public final class RawXml {
    private RawXml() {
    }

    /** Captures the element the reader is on (START_ELEMENT); leaves the reader on its END_ELEMENT. */
    public static RawElement capture(XMLStreamReader r, int depth, XmlLimits limits) throws XMLStreamException, CebReadException {
        if (depth > limits.maxDepth()) {
            throw new CebReadException(ReadError.TOO_DEEP, String.valueOf(limits.maxDepth()), r.getLocation().getLineNumber());
        }
        List<RawElement.Namespace> namespaces = new ArrayList<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            namespaces.add(new RawElement.Namespace(nullToEmpty(r.getNamespacePrefix(i)), r.getNamespaceURI(i)));
        }
        List<RawElement.Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attributes.add(new RawElement.Attribute(nullToEmpty(r.getAttributePrefix(i)), nullToEmpty(r.getAttributeNamespace(i)),
                    r.getAttributeLocalName(i), r.getAttributeValue(i)));
        }
        String prefix = nullToEmpty(r.getPrefix());
        String namespace = nullToEmpty(r.getNamespaceURI());
        String localName = r.getLocalName();
        List<RawContent> content = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> content.add(capture(r, depth + 1, limits));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        content.add(new RawContent.Text(r.getText()));
                case XMLStreamConstants.COMMENT -> content.add(new RawContent.Comment(r.getText()));
                case XMLStreamConstants.END_ELEMENT -> {
                    return new RawElement(prefix, namespace, localName, namespaces, attributes, content);
                }
                default -> {
                    // processing instructions inside signatures carry no meaning; dropped
                }
            }
        }
        throw new XMLStreamException("unexpected end of document inside " + localName);
    }

    /**
     * Writes a captured element. {@code inScope} maps the prefixes already declared by ancestors to their
     * namespaces; a prefix the element uses without declaring it is declared on the element.
     */
    public static void write(XMLStreamWriter w, RawElement e, Map<String, String> inScope) throws XMLStreamException {
        Map<String, String> scope = new HashMap<>(inScope);
        w.writeStartElement(e.prefix(), e.localName(), e.namespace());
        for (RawElement.Namespace ns : e.namespaces()) {
            declare(w, ns.prefix(), ns.uri());
            scope.put(ns.prefix(), ns.uri());
        }
        if (!e.namespace().equals(scope.getOrDefault(e.prefix(), ""))) {
            declare(w, e.prefix(), e.namespace());
            scope.put(e.prefix(), e.namespace());
        }
        for (RawElement.Attribute a : e.attributes()) {
            if (a.namespace().isEmpty()) {
                w.writeAttribute(a.localName(), a.value());
            } else {
                w.writeAttribute(a.prefix(), a.namespace(), a.localName(), a.value());
            }
        }
        for (RawContent c : e.content()) {
            if (c instanceof RawElement child) {
                write(w, child, scope);
            } else if (c instanceof RawContent.Text t) {
                w.writeCharacters(t.text());
            } else if (c instanceof RawContent.Comment comment) {
                w.writeComment(comment.text());
            }
        }
        w.writeEndElement();
    }

    private static void declare(XMLStreamWriter w, String prefix, String uri) throws XMLStreamException {
        if (prefix.isEmpty()) {
            w.writeDefaultNamespace(uri);
        } else {
            w.writeNamespace(prefix, uri);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

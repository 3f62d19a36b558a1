package io.cebgw.core.model;

import java.util.List;

/**
 * An element kept exactly as read (names, namespace declarations, attributes, text, comments, whitespace):
 * used for {@code ds:Signature} and {@code ExtendMessage}, whose content the codec carries but does not interpret.
 */
public record RawElement(String prefix, String namespace, String localName, List<Namespace> namespaces,
                         List<Attribute> attributes, List<RawContent> content) implements RawContent {

    public RawElement {
        namespaces = List.copyOf(namespaces);
        attributes = List.copyOf(attributes);
        content = List.copyOf(content);
    }

    public record Namespace(String prefix, String uri) {
    }

    public record Attribute(String prefix, String namespace, String localName, String value) {
    }

    /** The first child element with this local name, or null. */
    public RawElement childElement(String name) {
        for (RawContent c : content) {
            if (c instanceof RawElement e && e.localName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The concatenated text directly inside this element. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (RawContent c : content) {
            if (c instanceof RawContent.Text t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}

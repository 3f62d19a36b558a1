package io.cebgw.core.codec;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.NodeDef;
import io.cebgw.core.xml.Namespaces;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an unsigned message directly in Canonical XML 1.0 form (no XML declaration, start and end tags for every
 * element, attributes in canonical order, C14N escaping), with the same layout as {@link CebWriter}. Its bytes are
 * exactly what a signer hashes, so signing a message from the model needs no parse and no separate
 * canonicalization (ADR 0009). Tests hold it equal to Apache Santuario's C14N of {@link CebWriter}'s output.
 * Tags are encoded once per definition and values straight into UTF-8, as this runs for every document signed.
 */
public final class CanonicalCebWriter {
    private static final String PREFIX = Namespaces.CEB_PREFIX + ":";
    private static final byte[] ROOT_NAMESPACES = ascii(" xmlns:" + Namespaces.CEB_PREFIX + "=\"" + Namespaces.CEB + "\" xmlns:"
            + Namespaces.XSI_PREFIX + "=\"" + Namespaces.XSI + "\"");
    private static final byte[][] INDENTS = new byte[16][];
    private static final Map<GroupDef, Tags[]> TAGS = new ConcurrentHashMap<>();
    /** One buffer per thread, reused: a signer writes thousands of messages a second. */
    private static final ThreadLocal<Out> BUFFERS = ThreadLocal.withInitial(() -> new Out(16384));

    static {
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = ascii("\n" + "  ".repeat(i));
        }
    }

    /** The start and end tag of one child definition, encoded. */
    private record Tags(byte[] open, byte[] close) {
        static Tags of(String name) {
            return new Tags(("<" + PREFIX + name + ">").getBytes(StandardCharsets.UTF_8),
                    ("</" + PREFIX + name + ">").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The canonical bytes, or empty when the message carries verbatim elements (a Signature or ExtendMessage kept
     * as read) whose canonical form depends on how they were written; those go through a full C14N instead.
     *
     * @throws IllegalArgumentException when a value holds a character XML 1.0 does not allow
     */
    public Optional<byte[]> write(CebMessage message) {
        if (!message.signatures().isEmpty() || !message.extendMessages().isEmpty()) {
            return Optional.empty();
        }
        Out out = BUFFERS.get().reset();
        String root = PREFIX + message.type().rootName();
        out.put('<').putText(root, false).put(ROOT_NAMESPACES);
        if (message.guid() != null) {
            out.put(ascii(" guid=\"")).putText(message.guid(), true).put('"');
        }
        if (message.version() != null) {
            out.put(ascii(" version=\"")).putText(message.version(), true).put('"');
        }
        out.put('>');
        content(out, message.root(), 1);
        out.put(INDENTS[0]).put('<').put('/').putText(root, false).put('>');
        return Optional.of(out.bytes());
    }

    /** The end tag the canonical form closes with; a signature goes right before it. */
    public static String endTag(CebMessage message) {
        return "</" + PREFIX + message.type().rootName() + ">";
    }

    private static void content(Out out, Node node, int level) {
        GroupDef def = node.def();
        Tags[] tags = TAGS.computeIfAbsent(def, CanonicalCebWriter::tags);
        byte[] indent = level < INDENTS.length ? INDENTS[level] : ascii("\n" + "  ".repeat(level));
        List<NodeDef> children = def.children();
        for (int i = 0; i < tags.length; i++) {
            if (children.get(i) instanceof FieldDef) {
                String value = node.valueAt(i);
                if (value != null) {
                    out.put(indent).put(tags[i].open).putText(value, false).put(tags[i].close);
                }
            } else {
                for (Node c : node.childrenAt(i)) {
                    out.put(indent).put(tags[i].open);
                    content(out, c, level + 1);
                    out.put(indent).put(tags[i].close);
                }
            }
        }
    }

    private static Tags[] tags(GroupDef def) {
        return def.children().stream().map(c -> Tags.of(c.name())).toArray(Tags[]::new);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A growing UTF-8 buffer with C14N escaping for text and attribute values. */
    private static final class Out {
        private byte[] buf;
        private int len;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, len);
        }

        Out reset() {
            if (buf.length > 1 << 20) {
                buf = new byte[16384]; // do not keep a huge buffer alive after one huge message
            }
            len = 0;
            return this;
        }

        Out put(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, len, bytes.length);
            len += bytes.length;
            return this;
        }

        Out put(char ascii) {
            ensure(1);
            buf[len++] = (byte) ascii;
            return this;
        }

        /** Text (C14N: {@code & < >} and CR escaped) or an attribute value ({@code & < "} TAB LF CR escaped). */
        Out putText(String value, boolean attribute) {
            ensure(value.length() * 6); // the longest escape, "&quot;", has six bytes; UTF-8 at most four per char
            byte[] b = buf;
            int n = len;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    if (c >= 0x3F || c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"') {
                        b[n++] = (byte) c;
                    } else {
                        n = escaped(b, n, c, attribute);
                    }
                } else if (c < 0x800) {
                    b[n++] = (byte) (0xC0 | c >> 6);
                    b[n++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    b[n++] = (byte) (0xF0 | cp >> 18);
                    b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                    throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " is not allowed in XML");
                } else {
                    b[n++] = (byte) (0xE0 | c >> 12);
                    b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | c & 0x3F);
                }
            }
            len = n;
            return this;
        }

        private static int escaped(byte[] b, int n, char c, boolean attribute) {
            byte[] escape = switch (c) {
                case '&' -> AMP;
                case '<' -> LT;
                case '\r' -> CR;
                case '>' -> attribute ? null : GT;
                case '"' -> attribute ? QUOT : null;
                case '\t' -> attribute ? TAB : null;
                case '\n' -> attribute ? LF : null;
                default -> {
                    if (c < 0x20) {
                        throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " is not allowed in XML");
                    }
                    yield null;
                }
            };
            if (escape == null) {
                b[n++] = (byte) c;
                return n;
            }
            System.arraycopy(escape, 0, b, n, escape.length);
            return n + escape.length;
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        private static final byte[] AMP = CanonicalCebWriter.ascii("&amp;");
        private static final byte[] LT = CanonicalCebWriter.ascii("&lt;");
        private static final byte[] GT = CanonicalCebWriter.ascii("&gt;");
        private static final byte[] QUOT = CanonicalCebWriter.ascii("&quot;");
        private static final byte[] TAB = CanonicalCebWriter.ascii("&#x9;");
        private static final byte[] LF = CanonicalCebWriter.ascii("&#xA;");
        private static final byte[] CR = CanonicalCebWriter.ascii("&#xD;");
    }
}

package io.cebgw.core.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The message definitions of one spec version, loaded from the project's definition file
 * ({@code ceb-202205.tsv}, generated from the field reference by {@code tools/gen_spec_defs.py}).
 */
public final class SpecCatalog {
    private static final String RESOURCE = "ceb-202205.tsv";
    private static final SpecCatalog CEB_202205 = load(RESOURCE);

    private final Map<MessageType, MessageDef> definitions;

    private SpecCatalog(Map<MessageType, MessageDef> definitions) {
        this.definitions = definitions;
    }

    /** The 202205 definitions (the current spec). */
    public static SpecCatalog ceb202205() {
        return CEB_202205;
    }

    public MessageDef definition(MessageType type) {
        MessageDef def = definitions.get(type);
        if (def == null) {
            throw new IllegalArgumentException("no definition for " + type);
        }
        return def;
    }

    private static SpecCatalog load(String resource) {
        try (InputStream in = SpecCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing definition file " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<MessageType, GroupBuilder> roots = new LinkedHashMap<>();
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                Row row = Row.parse(line);
                MessageType type = MessageType.byRootName(row.message())
                        .orElseThrow(() -> new IllegalStateException("unknown message in definitions: " + row.message()));
                GroupBuilder root = roots.computeIfAbsent(type, t -> new GroupBuilder(t.rootName(), t.zh(), Occurs.ONE));
                root.add(row);
            }
            Map<MessageType, MessageDef> defs = new EnumMap<>(MessageType.class);
            roots.forEach((type, root) -> defs.put(type, new MessageDef(type, root.build())));
            for (MessageType type : MessageType.values()) {
                if (!defs.containsKey(type)) {
                    throw new IllegalStateException("definition file lacks " + type);
                }
            }
            return new SpecCatalog(defs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(String message, String[] path, boolean group, String zh, Occurs occurs, String pdfFormat,
                       boolean pdfRequired, String type, String minLen, String maxLen, String totalDigits,
                       String fractionDigits, boolean collapse, String fixed, String defaultValue) {

        static Row parse(String line) {
            String[] c = line.split("\t", -1);
            if (c.length != 16) {
                throw new IllegalStateException("definition row has " + c.length + " columns: " + line);
            }
            return new Row(c[0], c[1].split("/"), "group".equals(c[2]), c[3], Occurs.parse(c[4], c[5]), c[6],
                    "Y".equals(c[7]), c[8], c[9], c[10], c[11], c[12], "Y".equals(c[13]), c[14], c[15]);
        }

        FieldDef toField() {
            return new FieldDef(path[path.length - 1], zh, occurs,
                    switch (type) {
                        case "decimal" -> FieldType.DECIMAL;
                        case "int" -> FieldType.INT;
                        default -> FieldType.STRING;
                    },
                    intOr(minLen, 0), intOr(maxLen, Integer.MAX_VALUE), intOr(totalDigits, 0), intOr(fractionDigits, 0),
                    collapse, blankToNull(fixed), blankToNull(defaultValue), PdfFormat.parse(pdfFormat), pdfRequired);
        }

        private static int intOr(String s, int fallback) {
            return s.isEmpty() ? fallback : Integer.parseInt(s);
        }

        private static String blankToNull(String s) {
            return s.isEmpty() ? null : s;
        }
    }

    /** Collects rows into a group tree while loading; turned into immutable definitions at the end. */
    private static final class GroupBuilder {
        private final String name;
        private final String zh;
        private final Occurs occurs;
        private final List<Object> children = new ArrayList<>();

        GroupBuilder(String name, String zh, Occurs occurs) {
            this.name = name;
            this.zh = zh;
            this.occurs = occurs;
        }

        void add(Row row) {
            GroupBuilder parent = this;
            for (int i = 0; i < row.path().length - 1; i++) {
                parent = parent.childGroup(row.path()[i]);
            }
            String leaf = row.path()[row.path().length - 1];
            if (row.group()) {
                parent.children.add(new GroupBuilder(leaf, row.zh(), row.occurs()));
            } else {
                parent.children.add(row.toField());
            }
        }

        private GroupBuilder childGroup(String childName) {
            for (Object child : children) {
                if (child instanceof GroupBuilder g && g.name.equals(childName)) {
                    return g;
                }
            }
            throw new IllegalStateException("group " + childName + " used before it is defined under " + name);
        }

        GroupDef build() {
            List<NodeDef> built = new ArrayList<>();
            for (Object child : children) {
                built.add(child instanceof GroupBuilder g ? g.build() : (FieldDef) child);
            }
            return new GroupDef(name, zh, occurs, built);
        }
    }
}

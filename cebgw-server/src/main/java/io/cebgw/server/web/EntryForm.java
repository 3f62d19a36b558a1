package io.cebgw.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.codes.CodeEntry;
import io.cebgw.core.codes.FieldCodeLists;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.NodeDef;
import io.cebgw.core.spec.SpecCatalog;
import io.cebgw.server.document.FindingPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.Optional;

/**
 * An entry form for one declaration, laid out from the message definitions (every field of the spec, its Chinese
 * name, length, required flag and code list): one section per group — the head once, item lists as rows — plus the
 * BaseTransfer block. Inputs are named {@code <group>.<row>.<field>}; the form turns into the JSON the API takes.
 */
public record EntryForm(MessageType type, List<Section> sections) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Head fields the gateway fills (a new guid, the time of sending, the kind of declaration, draft or declare). */
    /** Groups the gateway fills entirely (the enterprise's transfer block) or leaves out (receipt subscriptions). */
    static final String TRANSFER = "BaseTransfer";
    private static final String SUBSCRIBE = "BaseSubscribe";

    /**
     * A group of fields: once (a head) or as rows (item lists). {@code record} is the business group it sits in, or null.
     * {@code system}: the gateway fills it (BaseTransfer); shown read-only.
     */
    public record Section(String record, String name, String zh, boolean repeatable, List<Field> fields, List<Map<String, String>> rows,
                          boolean system) {
        public String param(int row, String field) {
            return name + "." + row + "." + field;
        }
    }

    /**
     * A field as the form shows it. {@code closed}: the value must be one of {@code options} (a select); else suggestions.
     * {@code system}: filled by the gateway, shown read-only.
     */
    public record Field(String name, String zh, boolean required, int maxLength, List<CodeEntry> options, boolean closed, String help,
                        boolean system, String hint) {
    }

    /** The blank form of a declaration type, each section with one row, prefilled by {@code initial(section, field)}. */
    static EntryForm blank(MessageType type, BiFunction<String, String, String> initial) {
        List<Section> sections = new ArrayList<>();
        GroupDef root = SpecCatalog.ceb202205().definition(type).root();
        for (GroupDef group : root.groups()) {
            if (group.name().equals("Signature") || group.name().equals(SUBSCRIBE)) {
                continue;
            }
            if (group.groups().isEmpty()) {
                sections.add(section(type, null, group, initial));
            } else {
                for (GroupDef part : group.groups()) {
                    sections.add(section(type, group.name(), part, initial));
                }
            }
        }
        return new EntryForm(type, sections);
    }

    private static Section section(MessageType type, String record, GroupDef group, BiFunction<String, String, String> initial) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> row = new LinkedHashMap<>();
        boolean systemGroup = group.name().equals(TRANSFER);
        for (NodeDef node : group.children()) {
            if (node instanceof FieldDef f) {
                var list = FieldCodeLists.standard().forField(type, group.name(), f.name());
                List<CodeEntry> options = list.map(l -> EntryOptions.of(type, f.name(), l)).orElse(List.of());
                boolean system = systemGroup || io.cebgw.core.spec.SystemFields.HEAD.contains(f.name());
                fields.add(new Field(f.name(), f.zh(), f.required() || f.pdfRequired(), f.maxLength(), options,
                        list.isPresent() && list.get().complete() && options.size() <= 40, help(f, list.map(l -> l.titleZh()).orElse(null)), system,
                        EntryHints.of(f)));
                String value = f.fixed() != null ? f.fixed() : initial.apply(group.name(), f.name());
                if ((value == null || value.isEmpty()) && options.size() == 1 && f.required()) {
                    value = options.get(0).code();   // the only value that fits (ieFlag E in an export message)
                }
                row.put(f.name(), value == null ? "" : value);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row);
        return new Section(record, group.name(), group.zh(), group.occurs().repeatable(), fields, rows, systemGroup);
    }

    /** The spec's format of a field (C..30, N19,5 …), its XSD length and its code list, for the field's tooltip. */
    private static String help(FieldDef f, String codeList) {
        StringBuilder help = new StringBuilder(f.zh()).append(" ").append(f.name());
        if (f.pdfFormat() != null) {
            help.append(" · ").append(f.pdfFormat().text());
        } else if (f.maxLength() < Integer.MAX_VALUE) {
            help.append(" · ≤").append(f.maxLength());
        }
        if (codeList != null) {
            help.append(" · ").append(codeList);
        }
        return help.toString();
    }

    /**
     * This form's layout with the values a browser posted, and a row added, copied or removed when the action asks
     * ({@code add:InventoryList}, {@code copy:InventoryList}, {@code remove:InventoryList}).
     */
    EntryForm withValues(Map<String, String> params, String action) {
        String a = action == null ? "" : action;
        EntryForm form = withValues(params, a.startsWith("add:") ? a.substring(4) : null, a.startsWith("remove:") ? a.substring(7) : null);
        if (!a.startsWith("copy:")) {
            return form;
        }
        String section = a.substring(5);
        for (Section s : form.sections) {
            if (s.name().equals(section) && s.repeatable()) {
                List<Map<String, String>> rows = new ArrayList<>(s.rows());
                Map<String, String> copy = new LinkedHashMap<>(rows.get(rows.size() - 1));
                copy.computeIfPresent("gnum", (k, v) -> String.valueOf(rows.size() + 1));
                rows.add(copy);
                return form.withRows(section, rows);
            }
        }
        return form;
    }

    private EntryForm withValues(Map<String, String> params, String addRowTo, String removeRowFrom) {
        List<Section> filled = new ArrayList<>();
        for (Section s : sections) {
            int count = 0;
            while (params.containsKey(s.param(count, s.fields().get(0).name()))) {
                count++;
            }
            count = Math.max(1, count);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                Map<String, String> row = new LinkedHashMap<>();
                for (Field f : s.fields()) {
                    row.put(f.name(), params.getOrDefault(s.param(r, f.name()), "").strip());
                }
                rows.add(row);
            }
            if (s.repeatable() && s.name().equals(addRowTo)) {
                Map<String, String> empty = new LinkedHashMap<>();
                s.fields().forEach(f -> empty.put(f.name(), ""));
                rows.add(empty);
            }
            if (s.repeatable() && s.name().equals(removeRowFrom) && rows.size() > 1) {
                rows.remove(rows.size() - 1);
            }
            filled.add(new Section(s.record(), s.name(), s.zh(), s.repeatable(), s.fields(), rows, s.system()));
        }
        return new EntryForm(type, filled);
    }

    /** This form with a section's rows replaced (values by field name; fields the section lacks are ignored). */
    EntryForm withRows(String section, List<Map<String, String>> values) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            if (!s.name().equals(section) || values.isEmpty()) {
                out.add(s);
                continue;
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> v : values) {
                Map<String, String> row = new LinkedHashMap<>();
                s.fields().forEach(f -> row.put(f.name(), v.getOrDefault(f.name(), "")));
                rows.add(row);
            }
            out.add(new Section(s.record(), s.name(), s.zh(), s.repeatable(), s.fields(), s.repeatable() ? rows : rows.subList(0, 1), s.system()));
        }
        return new EntryForm(type, out);
    }

    /**
     * The gateway's part, filled before the form becomes a message: a guid (kept when the form has one), the time now and
     * the kind of declaration. The transfer block is the service's to fill (every document goes in its caller's name).
     */
    EntryForm stamped(String appType, String appTime) {
        return withSystem(row -> {
            row.computeIfPresent("guid", (k, v) -> v.isBlank() ? io.cebgw.core.model.CebMessage.newGuid() : v);
            row.computeIfPresent("appTime", (k, v) -> appTime);
            row.computeIfPresent("appType", (k, v) -> appType);
        });
    }

    /** The form of a stored document about to become a new one: no guid or time yet, a new declaration (appType 1). */
    EntryForm asNew() {
        return withSystem(row -> {
            row.computeIfPresent("guid", (k, v) -> "");
            row.computeIfPresent("appTime", (k, v) -> "");
            row.computeIfPresent("appType", (k, v) -> "1");
        });
    }

    private EntryForm withSystem(java.util.function.Consumer<Map<String, String>> change) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> row : s.rows()) {
                Map<String, String> copy = new LinkedHashMap<>(row);
                change.accept(copy);
                rows.add(copy);
            }
            out.add(new Section(s.record(), s.name(), s.zh(), s.repeatable(), s.fields(), rows, s.system()));
        }
        return new EntryForm(type, out);
    }

    /** The JSON message the API takes ({@link io.cebgw.server.document.JsonMessages}); empty fields and empty rows are left out. */
    byte[] json() {
        ObjectNode root = JSON.createObjectNode().put("type", type.rootName());
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        for (Section s : sections) {
            ObjectNode parent = s.record() == null ? root : records.computeIfAbsent(s.record(), r -> root.putArray(r).addObject());
            if (s.repeatable()) {
                ArrayNode rows = parent.putArray(s.name());
                s.rows().stream().filter(EntryForm::hasValue).forEach(r -> put(rows.addObject(), r));
            } else {
                put(parent.putObject(s.name()), s.rows().get(0));
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasValue(Map<String, String> row) {
        return row.values().stream().anyMatch(v -> !v.isBlank());
    }

    private static void put(ObjectNode node, Map<String, String> row) {
        row.forEach((k, v) -> {
            if (!v.isBlank()) {
                node.put(k, v);
            }
        });
    }

    /**
     * Where a finding belongs on the form: {@code <group>.<row>.<field>} from its XPath
     * ({@code /ceb:CEB603Message/ceb:Inventory/ceb:InventoryList[2]/ceb:gnum} → {@code InventoryList.1.gnum}), or null.
     */
    String paramOf(String path) {
        Optional<FindingPath> where = FindingPath.parse(path);
        if (where.isEmpty()) {
            return null;
        }
        for (int i = where.get().steps().size() - 1; i >= 0; i--) {
            FindingPath.Step step = where.get().steps().get(i);
            for (Section s : sections) {
                if (s.name().equals(step.group())) {
                    return s.param(step.row(), where.get().field());
                }
            }
        }
        return null;
    }
}

package io.cebgw.server.web;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.SystemFields;
import io.cebgw.core.validation.Declared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Forms filled from documents, so that a declarant types each business value once: the form of a document as it is
 * (to edit a draft, copy it, or correct a rejected one), and a new document made from others — a list from its order
 * and waybill (every shared head value and every item line), a 总分单, arrival or departure from the lists it covers.
 */
final class EntryPrefill {
    /** What never carries from one document to another: the gateway's fields and each document's own numbers. */
    private static final Set<String> OWN = union(SystemFields.HEAD, Set.of("copNo", "preNo", "invtNo", "note", "msgCount", "msgSeqNo", "sumNo"));
    /** A target field filled from another source field when the sources lack its own name. */
    private static final Map<String, String> ALIASES = Map.of("fCurrency", "currency", "iCurrency", "currency", "qty1", "qty",
            "unit1", "unit", "gname", "itemName", "itemName", "gname");
    private static final Set<MessageType> BY_LIST = Set.of(MessageType.CEB607, MessageType.CEB507, MessageType.CEB509);

    private EntryPrefill() {
    }

    /** The form of a message as it is: every value, every line (system fields too; the caller clears what it must). */
    static EntryForm of(CebMessage message, BiFunction<String, String, String> initial) {
        EntryForm form = EntryForm.blank(message.type(), initial);
        Node record = message.businessRecords().isEmpty() ? null : message.businessRecords().get(0);
        for (EntryForm.Section s : form.sections()) {
            List<Node> nodes = s.record() == null
                    ? (s.name().equals(EntryForm.TRANSFER) ? listOf(message.root().child(s.name())) : message.businessRecords())
                    : record == null ? List.of() : record.children(s.name());
            form = form.withRows(s.name(), nodes.stream().map(Node::values).toList());
        }
        return form;
    }

    /** A new document of {@code type} from its sources: shared head values by name, lines from an order or one per list. */
    static EntryForm from(MessageType type, List<CebMessage> sources, BiFunction<String, String, String> initial) {
        EntryForm form = EntryForm.blank(type, initial);
        for (EntryForm.Section s : form.sections()) {
            if (s.system()) {
                continue;
            }
            boolean lines = s.name().endsWith("List");
            List<Map<String, String>> rows = lines ? lines(type, sources) : List.of(head(s, sources));
            if (!rows.isEmpty()) {
                form = form.withRows(s.name(), rows.stream().map(r -> keep(s, r)).toList());
            }
        }
        return form;
    }

    /** A head: each field from the first source head that has it (or its alias), the section's initial value otherwise. */
    private static Map<String, String> head(EntryForm.Section s, List<CebMessage> sources) {
        Map<String, String> row = new LinkedHashMap<>(s.rows().get(0));
        for (EntryForm.Field f : s.fields()) {
            if (f.system() || OWN.contains(f.name())) {
                continue;
            }
            String value = first(sources, f.name());
            if (value == null && ALIASES.containsKey(f.name())) {
                value = first(sources, ALIASES.get(f.name()));
            }
            if (value != null) {
                row.put(f.name(), value);
            }
        }
        return row;
    }

    private static String first(List<CebMessage> sources, String field) {
        for (CebMessage m : sources) {
            for (Node record : m.businessRecords()) {
                String v = record.head().get(field);
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        }
        return null;
    }

    /** The lines: one per list for a 总分单, arrival or departure; an order's (or another document's) lines otherwise. */
    private static List<Map<String, String>> lines(MessageType type, List<CebMessage> sources) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (BY_LIST.contains(type)) {
            for (CebMessage m : sources) {
                for (Node record : m.businessRecords()) {
                    if (m.type() == MessageType.CEB603) {
                        Node head = record.head();
                        rows.add(Map.of("gnum", String.valueOf(rows.size() + 1), "logisticsNo", nonNull(head.get("logisticsNo")),
                                "totalPackageNo", nonNull(head.get("totalPackageNo"))));
                    }
                }
            }
            return rows;
        }
        for (CebMessage m : sources) {
            for (Declared record : Declared.of(m, null)) {
                record.lines().forEach(line -> rows.add(withAliases(line.values())));
            }
            if (!rows.isEmpty()) {
                return rows;
            }
        }
        return rows;
    }

    private static Map<String, String> withAliases(Map<String, String> line) {
        Map<String, String> row = new LinkedHashMap<>(line);
        ALIASES.forEach((target, source) -> {
            if (!row.containsKey(target) && line.containsKey(source)) {
                row.put(target, line.get(source));
            }
        });
        return row;
    }

    /** Only the section's fields, the system ones left as they were. */
    private static Map<String, String> keep(EntryForm.Section s, Map<String, String> values) {
        Map<String, String> row = new LinkedHashMap<>();
        for (EntryForm.Field f : s.fields()) {
            row.put(f.name(), OWN.contains(f.name()) && !"gnum".equals(f.name()) ? s.rows().get(0).getOrDefault(f.name(), "")
                    : values.getOrDefault(f.name(), s.rows().get(0).getOrDefault(f.name(), "")));
        }
        return row;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static List<Node> listOf(Node node) {
        return node == null ? List.of() : List.of(node);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

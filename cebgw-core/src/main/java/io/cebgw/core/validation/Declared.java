package io.cebgw.core.validation;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;

import java.util.ArrayList;
import java.util.List;

/**
 * One business record (an Order, a Logistics, an Inventory …) as the rules across documents see it: its message type,
 * where it came from (a file name, a document id; may be null) and its XPath inside its message.
 *
 * @param type   the message type of the record
 * @param source the document's name for the other end of a finding (a file name), or null
 * @param path   the record's XPath, e.g. {@code /ceb:CEB603Message/ceb:Inventory[1]}
 * @param record the record itself
 */
public record Declared(MessageType type, String source, String path, Node record) {

    /** The business records of a message, in order. */
    public static List<Declared> of(CebMessage message, String source) {
        List<Node> records = message.businessRecords();
        List<Declared> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Node record = records.get(i);
            out.add(new Declared(message.type(), source, "/ceb:" + message.type().rootName() + "/ceb:" + record.name()
                    + "[" + (i + 1) + "]", record));
        }
        return out;
    }

    /** A head field's value without surrounding white space; null when absent or blank. */
    public String get(String field) {
        return trimmed(record.head().get(field));
    }

    /** The XPath of a head field. */
    public String fieldPath(String field) {
        Node head = record.head();
        return (head == record ? path : path + "/ceb:" + head.name()) + "/ceb:" + field;
    }

    /** The item or reference lines (OrderList, InventoryList, WayBillList …); empty for flat records. */
    public List<Node> lines() {
        for (GroupDef group : record.def().groups()) {
            if (group.name().endsWith("List")) {
                return record.children(group.name());
            }
        }
        return List.of();
    }

    /** The XPath of a field of the line at a 0-based index. */
    public String lineFieldPath(int index, String field) {
        Node line = lines().get(index);
        return path + "/ceb:" + line.name() + "[" + (index + 1) + "]/ceb:" + field;
    }

    /** The other end of a finding: the source and the XPath of one of this record's elements. */
    public String where(String xpath) {
        return source == null ? xpath : source + ":" + xpath;
    }

    /** A short name for messages: the type's Chinese or English name and the record's main number. */
    public String label() {
        String number = switch (type) {
            case CEB303 -> get("orderNo");
            case CEB505 -> get("logisticsNo");
            case CEB603 -> get("copNo");
            case CEB607, CEB507, CEB509 -> get("billNo");
            default -> get("copNo");
        };
        return number == null ? type.rootName() : type.rootName() + " " + number;
    }

    /** The message type's name in Chinese and English, for findings' texts. */
    public Localized typeName() {
        return new Localized(type.zh(), type.en());
    }

    /** The Chinese name of a head field, from the definitions. */
    public String fieldZh(String field) {
        return fieldZh(record.head(), field);
    }

    /** The Chinese name of a field of a node, from the definitions (the field's own name when it has none). */
    static String fieldZh(Node node, String field) {
        return node.def().fields().stream().filter(f -> f.name().equals(field)).map(FieldDef::zh).findFirst().orElse(field);
    }

    /** True for a new declaration (appType 1, the default), false for a change or deletion of an existing one. */
    public boolean isNew() {
        String appType = get("appType");
        return appType == null || "1".equals(appType);
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

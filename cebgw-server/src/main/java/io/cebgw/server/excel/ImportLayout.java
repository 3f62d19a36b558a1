package io.cebgw.server.excel;

import io.cebgw.core.spec.BusinessKey;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.GroupDef;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.spec.SpecCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of an import sheet for one declaration type: every field of its head, then every field of its item
 * list (one row per item line; rows with the same business key, next to each other, make one document). The transfer
 * block (BaseTransfer) is not a column: it is the importing enterprise's own.
 *
 * @param record the business group (e.g. Inventory)
 * @param head   the head group (e.g. InventoryHead)
 * @param items  the item group, if the type has one (e.g. InventoryList)
 */
public record ImportLayout(MessageType type, String record, GroupDef head, Optional<GroupDef> items, List<Column> columns) {
    /** One column: which group and field it fills, and its header ({@code 中文名 fieldName}, a {@code *} when required). */
    public record Column(int index, boolean item, String field, String zh, boolean required) {
        public String header() {
            return (required ? "*" : "") + zh + " " + field;
        }
    }


    /** A flat record (a waybill): its fields are the head, there are no item lines. */
    public boolean flat() {
        return head.name().equals(record);
    }

    public static Optional<ImportLayout> of(MessageType type) {
        if (!type.isDeclaration() || BusinessKey.fields(type).isEmpty()) {
            return Optional.empty();
        }
        GroupDef root = SpecCatalog.ceb202205().definition(type).root();
        for (GroupDef record : root.groups()) {
            if (record.name().startsWith("Base") || record.name().equals("ExtendMessage")) {
                continue; // BaseTransfer, BaseSubscribe: the gateway's
            }
            GroupDef head = record.groups().isEmpty() ? record   // a flat record (a waybill, Logistics): the record is its head
                    : record.groups().stream().filter(g -> !g.occurs().repeatable()).findFirst().orElse(null);
            if (head == null) {
                continue;
            }
            Optional<GroupDef> items = record.groups().stream().filter(g -> g.occurs().repeatable()).findFirst();
            List<Column> columns = new ArrayList<>();
            for (FieldDef f : head.fields()) {
                columns.add(new Column(columns.size(), false, f.name(), f.zh(), (f.required() || f.pdfRequired()) && !io.cebgw.core.spec.SystemFields.HEAD.contains(f.name())));
            }
            items.ifPresent(list -> list.fields().forEach(f -> columns.add(new Column(columns.size(), true, f.name(), f.zh(),
                    f.required() || f.pdfRequired()))));
            return Optional.of(new ImportLayout(type, record.name(), head, items, List.copyOf(columns)));
        }
        return Optional.empty();
    }

    /** The column of a field (head or item), if the sheet has one. */
    public Optional<Column> column(boolean item, String field) {
        return columns.stream().filter(c -> c.item() == item && c.field().equals(field)).findFirst();
    }
}

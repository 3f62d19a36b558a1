package io.cebgw.core.codes;

import io.cebgw.core.spec.MessageType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which code list a field's value comes from: the national code tables (currency, country, unit, transport mode,
 * packing, customs area) or the spec's own lists (appType, orderType …). One place for the validator and for the
 * entry forms' pickers.
 */
public final class FieldCodeLists {
    private static volatile FieldCodeLists standard;

    private final CodeTables tables;
    private final Map<String, CodeList> byField;

    private FieldCodeLists(CodeTables tables) {
        this.tables = tables;
        // a HashMap: asked for every field of every message (Map.ofEntries probes more slowly)
        this.byField = new HashMap<>(Map.ofEntries(
                Map.entry("currency", tables.table(CodeTables.CURRENCY)),
                Map.entry("fCurrency", tables.table(CodeTables.CURRENCY)),
                Map.entry("iCurrency", tables.table(CodeTables.CURRENCY)),
                Map.entry("country", tables.table(CodeTables.COUNTRY)),
                Map.entry("unit", tables.table(CodeTables.UNIT)),
                Map.entry("unit1", tables.table(CodeTables.UNIT)),
                Map.entry("unit2", tables.table(CodeTables.UNIT)),
                Map.entry("trafMode", tables.table(CodeTables.TRANSPORT_MODE)),
                Map.entry("wrapType", tables.table(CodeTables.WRAP_TYPE)),
                Map.entry("customsCode", tables.table(CodeTables.CUSTOMS_AREA)),
                Map.entry("portCode", tables.table(CodeTables.CUSTOMS_AREA)),
                Map.entry("appType", SpecCodeLists.APP_TYPE),
                Map.entry("appStatus", SpecCodeLists.APP_STATUS),
                Map.entry("orderType", SpecCodeLists.ORDER_TYPE),
                Map.entry("ieFlag", SpecCodeLists.IE_FLAG),
                Map.entry("statisticsFlag", SpecCodeLists.STATISTICS_FLAG),
                Map.entry("fFlag", SpecCodeLists.CHARGE_FLAG),
                Map.entry("iFlag", SpecCodeLists.CHARGE_FLAG),
                Map.entry("summaryFlag", SpecCodeLists.SUMMARY_FLAG),
                Map.entry("itemNameFlag", SpecCodeLists.ITEM_NAME_FLAG),
                Map.entry("dxpMode", SpecCodeLists.DXP_MODE),
                Map.entry("returnStatus", SpecCodeLists.RETURN_STATUS)));
        tables.find(CodeTables.PORT).ifPresent(ports -> byField.put("POD", ports));
    }

    /** For the code tables in use ({@link CodeTables#standard()}), made again when an operator's file was configured. */
    public static FieldCodeLists standard() {
        CodeTables current = CodeTables.standard();
        FieldCodeLists lists = standard;
        if (lists == null || lists.tables != current) {
            lists = new FieldCodeLists(current);
            standard = lists;
        }
        return lists;
    }

    /** With other national tables (tests, a newer edition). */
    public static FieldCodeLists of(CodeTables tables) {
        return tables == CodeTables.standard() ? standard() : new FieldCodeLists(tables);
    }

    /** The list of a field of a group in a message type, if its values are coded. */
    public Optional<CodeList> forField(MessageType type, String group, String field) {
        if ("status".equals(field) && "BaseSubscribe".equals(group)) {
            return Optional.of(SpecCodeLists.SUBSCRIBE_STATUS);
        }
        if ("tradeMode".equals(field)) {
            return Optional.of(type == MessageType.CEB213 ? SpecCodeLists.REFUND_TRADE_MODE : SpecCodeLists.INVENTORY_TRADE_MODE);
        }
        return Optional.ofNullable(byField.get(field));
    }
}

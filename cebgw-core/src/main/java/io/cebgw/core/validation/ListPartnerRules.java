package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declaration list (CEB603) against its order or booking (CEB303, by orderNo) and its waybill (CEB505, by logisticsNo),
 * the way customs compares them before it accepts a list (单证比对, B2B-EXPORT-RULES.md §3 Q2): the order type goes with
 * the trade mode (B 9710, W 9810, E 9610/1210), the enterprises agree, and the lines agree by gnum in quantity, unit,
 * price, total and currency; the waybill names the same carrier, and its package count and gross weight should agree.
 */
final class ListPartnerRules implements LinkRule {
    private static final Map<String, Set<String>> MODES_BY_ORDER_TYPE = Map.of(
            "B", Set.of("9710"), "W", Set.of("9810"), "E", Set.of("9610", "1210", "1239"));
    /** Line fields customs compares: a difference is an error. */
    private static final List<String> COMPARED = List.of("qty", "unit", "price", "totalPrice", "currency");
    /** Line fields that identify the goods: a difference is worth a warning. */
    private static final List<String> DESCRIBED = List.of("itemNo", "itemName");

    @Override
    public void check(Declared list, Partners partners, List<Finding> findings) {
        if (list.type() != MessageType.CEB603) {
            return;
        }
        String orderNo = list.get("orderNo");
        List<Declared> orders = partners.orders(orderNo);
        if (orders.isEmpty()) {
            if (orderNo != null && partners.expects(MessageType.CEB303)) {
                findings.add(FindingCode.NO_ORDER.at(list.fieldPath("orderNo"), orderNo, list.get("ebcCode"), partners.scope()));
            }
        } else {
            againstOrder(list, orders.get(0), findings);
        }
        String logisticsNo = list.get("logisticsNo");
        List<Declared> waybills = partners.waybills(logisticsNo);
        if (waybills.isEmpty()) {
            if (logisticsNo != null && partners.expects(MessageType.CEB505)) {
                findings.add(FindingCode.NO_WAYBILL.at(list.fieldPath("logisticsNo"), logisticsNo, list.get("logisticsCode"),
                        partners.scope()));
            }
        } else {
            Declared sameCarrier = waybills.stream().filter(w -> !Figures.differ("logisticsCode", w.get("logisticsCode"),
                    list.get("logisticsCode"))).findFirst().orElse(waybills.get(0));
            againstWaybill(list, sameCarrier, findings);
        }
    }

    private static void againstOrder(Declared list, Declared order, List<Finding> findings) {
        String orderType = order.get("orderType");
        String tradeMode = list.get("tradeMode");
        Set<String> allowed = orderType == null ? null : MODES_BY_ORDER_TYPE.get(orderType);
        if (allowed != null && tradeMode != null && !allowed.contains(tradeMode)) {
            findings.add(FindingCode.TRADE_MODE_ORDER_TYPE.at(list.fieldPath("tradeMode"), tradeMode, orderType)
                    .linkedTo(order.where(order.fieldPath("orderType"))));
        }
        same(list, order, "ebpCode", findings);
        same(list, order, "ebcCode", findings);
        lines(list, order, findings);
    }

    private static void againstWaybill(Declared list, Declared waybill, List<Finding> findings) {
        same(list, waybill, "logisticsCode", findings);
        same(list, waybill, "ebcCode", findings);
        for (String field : List.of("packNo", "grossWeight")) {
            if (Figures.differ(field, list.get(field), waybill.get(field))) {
                findings.add(FindingCode.WAYBILL_FIGURE.at(list.fieldPath(field), field, list.fieldZh(field), list.get(field), waybill.get(field))
                        .linkedTo(waybill.where(waybill.fieldPath(field))));
            }
        }
    }

    /** A head field both documents carry must agree (CEB-B006). */
    static void same(Declared a, Declared b, String field, List<Finding> findings) {
        if (Figures.differ(field, a.get(field), b.get(field))) {
            findings.add(FindingCode.LINKED_FIELD_MISMATCH.at(a.fieldPath(field), field, b.type().rootName() + " " + field,
                    a.get(field), b.get(field)).linkedTo(b.where(b.fieldPath(field))));
        }
    }

    private static void lines(Declared list, Declared order, List<Finding> findings) {
        List<Node> orderLines = order.lines();
        Map<String, Integer> orderLineByGnum = new HashMap<>();
        for (int i = 0; i < orderLines.size(); i++) {
            orderLineByGnum.putIfAbsent(Declared.trimmed(orderLines.get(i).get("gnum")), i);
        }
        List<Node> listLines = list.lines();
        for (int i = 0; i < listLines.size(); i++) {
            Node line = listLines.get(i);
            String gnum = Declared.trimmed(line.get("gnum"));
            Integer match = orderLineByGnum.remove(gnum);
            if (match == null) {
                findings.add(FindingCode.LINE_NOT_IN_ORDER.at(list.lineFieldPath(i, "gnum"), gnum, order.get("orderNo"), orderLines.size())
                        .linkedTo(order.where(order.path())));
                continue;
            }
            compareLine(list, i, line, order, match, findings);
        }
        for (Map.Entry<String, Integer> missing : orderLineByGnum.entrySet()) {
            findings.add(FindingCode.ORDER_LINE_NOT_LISTED.at(list.path(), order.get("orderNo"), missing.getKey())
                    .linkedTo(order.where(order.lineFieldPath(missing.getValue(), "gnum"))));
        }
    }

    private static void compareLine(Declared list, int i, Node line, Declared order, int j, List<Finding> findings) {
        Node orderLine = order.lines().get(j);
        for (String field : COMPARED) {
            String ours = Declared.trimmed(line.get(field));
            String theirs = Declared.trimmed(orderLine.get(field));
            if ("currency".equals(field) && theirs == null) {
                theirs = order.get("currency");
            }
            if (Figures.differ(field, ours, theirs)) {
                findings.add(FindingCode.LINE_MISMATCH.at(list.lineFieldPath(i, field), line.get("gnum"), Declared.fieldZh(line, field), field, ours, theirs)
                        .linkedTo(order.where(order.lineFieldPath(j, field))));
            }
        }
        for (String field : DESCRIBED) {
            String ours = Declared.trimmed(line.get(field));
            String theirs = Declared.trimmed(orderLine.get(field));
            if (Figures.differ(field, ours, theirs)) {
                findings.add(FindingCode.LINE_ITEM_DIFFERS.at(list.lineFieldPath(i, field), line.get("gnum"), Declared.fieldZh(line, field), field, ours, theirs)
                        .linkedTo(order.where(order.lineFieldPath(j, field))));
            }
        }
    }
}

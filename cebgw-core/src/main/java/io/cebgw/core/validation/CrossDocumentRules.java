package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules across the documents of one shipment: a declaration list (CEB603) must match its order or booking
 * (CEB303, by orderNo) — orderType B goes with tradeMode 9710, W with 9810, E with 9610/1210 — and the
 * enterprises named on both must agree; its waybill (CEB505, by logisticsNo) must name the same carrier.
 */
public final class CrossDocumentRules {
    private static final Map<String, Set<String>> MODES_BY_ORDER_TYPE = Map.of(
            "B", Set.of("9710"), "W", Set.of("9810"), "E", Set.of("9610", "1210", "1239"));

    /** Checks every pair of linked documents among the given messages; all findings together. */
    public List<Finding> check(List<CebMessage> messages) {
        List<Finding> all = new ArrayList<>();
        checkEach(messages).values().forEach(all::addAll);
        return all;
    }

    /** The same findings, by the message they concern (the declaration list), for reporting per file. */
    public Map<CebMessage, List<Finding>> checkEach(List<CebMessage> messages) {
        Map<String, Node> orders = new HashMap<>();
        Map<String, Node> waybills = new HashMap<>();
        for (CebMessage m : messages) {
            if (m.type() == MessageType.CEB303) {
                for (Node order : m.businessRecords()) {
                    Node head = order.child("OrderHead");
                    if (head != null && head.get("orderNo") != null) {
                        orders.put(head.get("orderNo"), head);
                    }
                }
            } else if (m.type() == MessageType.CEB505) {
                for (Node waybill : m.businessRecords()) {
                    if (waybill.get("logisticsNo") != null) {
                        waybills.put(waybill.get("logisticsNo"), waybill);
                    }
                }
            }
        }
        Map<CebMessage, List<Finding>> byMessage = new LinkedHashMap<>();
        for (CebMessage m : messages) {
            if (m.type() != MessageType.CEB603) {
                continue;
            }
            List<Finding> findings = new ArrayList<>();
            List<Node> inventories = m.businessRecords();
            for (int i = 0; i < inventories.size(); i++) {
                Node head = inventories.get(i).child("InventoryHead");
                if (head != null) {
                    String path = "/ceb:CEB603Message/ceb:Inventory[" + (i + 1) + "]/ceb:InventoryHead";
                    Node order = orders.get(head.get("orderNo"));
                    if (order != null) {
                        againstOrder(head, order, path, findings);
                    }
                    Node waybill = waybills.get(head.get("logisticsNo"));
                    if (waybill != null) {
                        same(head, waybill, "logisticsCode", "CEB505 logisticsCode", path, findings);
                    }
                }
            }
            if (!findings.isEmpty()) {
                byMessage.put(m, findings);
            }
        }
        return byMessage;
    }

    private static void againstOrder(Node inventory, Node order, String path, List<Finding> findings) {
        String orderType = order.get("orderType");
        String tradeMode = inventory.get("tradeMode");
        Set<String> allowed = orderType == null ? null : MODES_BY_ORDER_TYPE.get(orderType.strip());
        if (allowed != null && tradeMode != null && !allowed.contains(tradeMode.strip())) {
            findings.add(FindingCode.TRADE_MODE_ORDER_TYPE.at(path + "/ceb:tradeMode", tradeMode, orderType));
        }
        same(inventory, order, "ebpCode", "CEB303 ebpCode", path, findings);
        same(inventory, order, "ebcCode", "CEB303 ebcCode", path, findings);
    }

    private static void same(Node a, Node b, String field, String linked, String path, List<Finding> findings) {
        String x = a.get(field);
        String y = b.get(field);
        if (x != null && y != null && !x.strip().equals(y.strip())) {
            findings.add(FindingCode.LINKED_FIELD_MISMATCH.at(path + "/ceb:" + field, field, linked, x, y));
        }
    }
}

package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.GroupDef;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Rules about the item lines of one document: numbering 1..n and the arithmetic of prices and totals. */
final class ItemRules implements RuleGroup {
    /** Item groups whose gnum runs 1..n (CEB213 gnum refers to the original list, CEB792's to list items). */
    private static final Set<String> NUMBERED = Set.of("OrderList", "InventoryList", "ArrivalList", "DepartureList", "WayBillList");
    private static final Set<String> PRICED = Set.of("OrderList", "InventoryList");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** Half a unit of the price's fifth decimal: the rounding a five-decimal unit price may carry. */
    private static final BigDecimal PRICE_ROUNDING = new BigDecimal("0.000005");

    @Override
    public void node(CebMessage message, Node node, String path, List<Finding> findings) {
        for (GroupDef group : node.def().groups()) {
            List<Node> items = node.children(group.name());
            if (NUMBERED.contains(group.name())) {
                numbering(group, items, path, findings);
            }
            if (PRICED.contains(group.name())) {
                for (int i = 0; i < items.size(); i++) {
                    lineTotal(items.get(i), path, group, i + 1, items.size(), findings);
                }
            }
        }
        if ("Order".equals(node.name())) {
            orderTotal(node, path, findings);
        }
    }

    private static void numbering(GroupDef group, List<Node> items, String path, List<Finding> findings) {
        for (int i = 0; i < items.size(); i++) {
            String gnum = items.get(i).get("gnum");
            Integer n = Amounts.parseInt(gnum);
            if (gnum != null && n != null && n != i + 1) {
                String at = NodeWalker.fieldPath(NodeWalker.childPath(path, group, i + 1, items.size()), "gnum");
                findings.add(FindingCode.ITEM_NUMBERING.at(at, group.name(), i + 1, gnum));
                return;
            }
        }
    }

    private static void lineTotal(Node item, String parentPath, GroupDef group, int index, int count, List<Finding> findings) {
        BigDecimal qty = Amounts.parse(item.get("qty"));
        BigDecimal price = Amounts.parse(item.get("price"));
        BigDecimal total = Amounts.parse(item.get("totalPrice"));
        if (qty == null || price == null || total == null) {
            return;
        }
        BigDecimal expected = qty.multiply(price);
        BigDecimal tolerance = CENT.max(qty.abs().multiply(PRICE_ROUNDING));
        if (total.subtract(expected).abs().compareTo(tolerance) > 0) {
            String path = NodeWalker.childPath(parentPath, group, index, count);
            findings.add(FindingCode.LINE_TOTAL.at(NodeWalker.fieldPath(path, "totalPrice"), item.get("totalPrice"),
                    item.get("qty"), item.get("price"), expected.stripTrailingZeros().toPlainString()));
        }
    }

    private static void orderTotal(Node order, String path, List<Finding> findings) {
        Node head = order.child("OrderHead");
        if (head == null) {
            return;
        }
        BigDecimal goodsValue = Amounts.parse(head.get("goodsValue"));
        BigDecimal sum = BigDecimal.ZERO;
        for (Node item : order.children("OrderList")) {
            BigDecimal total = Amounts.parse(item.get("totalPrice"));
            if (total == null) {
                return;
            }
            sum = sum.add(total);
        }
        if (goodsValue != null && goodsValue.subtract(sum).abs().compareTo(CENT) > 0) {
            findings.add(FindingCode.HEAD_TOTAL.at(path + "/ceb:OrderHead/ceb:goodsValue", "goodsValue", head.get("goodsValue"),
                    "totalPrice", sum.stripTrailingZeros().toPlainString()));
        }
    }
}

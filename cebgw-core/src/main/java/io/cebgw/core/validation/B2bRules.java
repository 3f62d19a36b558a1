package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.MessageType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * B2B export rules (公告2021年第47号: ebpCode 无) and the special-area (1210) rules, plus the shape of enterprise
 * codes. List numbers are {@link SpecFieldRules}'.
 */
final class B2bRules implements RuleGroup {
    /** A 10-character customs registration code. */
    private static final Pattern CUSTOMS_CODE = Pattern.compile("[0-9A-Z]{10}");
    /** An 18-character unified social credit code (GB 32100: no I, O, Z, S, V). */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Set<String> ENTERPRISE_FIELDS = new HashSet<>(List.of("ebpCode", "ebcCode", "agentCode", "logisticsCode", "ownerCode",
            "copCode", "operatorCode", "iacCode", "declAgentCode", "payCode"));
    private static final Set<String> SPECIAL_AREA = Set.of("1210", "1239");
    private static final String NONE = "无";
    private static final String NOT_REGISTERED = "NO";

    @Override
    public void node(CebMessage message, Node node, String path, List<Finding> findings) {
        for (FieldDef def : node.def().fields()) {
            String field = def.name();
            String value = node.get(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (ENTERPRISE_FIELDS.contains(field)) {
                enterpriseCode(node, field, value.strip(), path, findings);
            }
        }
        if (message.type() == MessageType.CEB603 && "Inventory".equals(node.name())) {
            specialArea(node, path, findings);
        }
    }

    private static void enterpriseCode(Node node, String field, String text, String nodePath, List<Finding> findings) {
        String at = NodeWalker.fieldPath(nodePath, field);
        if ("ebpCode".equals(field) && NONE.equals(text)) {
            findings.add(FindingCode.EBP_CODE_NONE.at(at));
        } else if ("ownerCode".equals(field) && NOT_REGISTERED.equals(text)) {
            findings.add(FindingCode.OWNER_CODE.at(at));
        } else if (!CUSTOMS_CODE.matcher(text).matches() && !CREDIT_CODE.matcher(text).matches()) {
            findings.add(FindingCode.ENTERPRISE_CODE.at(at, field, node.def().field(field).zh(), text));
        }
    }

    private static void specialArea(Node inventory, String path, List<Finding> findings) {
        Node head = inventory.child("InventoryHead");
        if (head == null || head.get("tradeMode") == null || !SPECIAL_AREA.contains(head.get("tradeMode").strip())) {
            return;
        }
        String mode = head.get("tradeMode").strip();
        for (String field : List.of("iacCode", "iacName", "emsNo")) {
            if (isBlank(head.get(field))) {
                findings.add(FindingCode.SPECIAL_AREA_REQUIRED.at(path + "/ceb:InventoryHead/ceb:" + field, field,
                        head.def().field(field).zh(), mode));
            }
        }
        List<Node> items = inventory.children("InventoryList");
        for (int i = 0; i < items.size(); i++) {
            if (isBlank(items.get(i).get("itemRecordNo"))) {
                findings.add(FindingCode.SPECIAL_AREA_REQUIRED.at(path + "/ceb:InventoryList[" + (i + 1) + "]/ceb:itemRecordNo",
                        "itemRecordNo", items.get(i).def().field("itemRecordNo").zh(), mode));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

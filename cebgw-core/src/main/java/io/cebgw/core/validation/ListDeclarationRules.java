package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What a declaration list (CEB603) says about itself that the spec and the B2B rules constrain: the 5000 CNY limit of the
 * B2B list route (B2B-EXPORT-RULES.md §1), a simplified declaration without licences (spec: statisticsFlag A), a country
 * of arrival abroad, and legal quantities that follow the declared ones when the units are the same.
 */
final class ListDeclarationRules implements RuleGroup {
    private static final Set<String> B2B = Set.of("9710", "9810");
    private static final String CNY = "142";
    private static final String CHINA = "142";
    private static final BigDecimal LIMIT = new BigDecimal("5000");

    @Override
    public void message(CebMessage message, List<Finding> findings) {
        if (message.type() != MessageType.CEB603) {
            return;
        }
        for (Declared list : Declared.of(message, null)) {
            limit(list, findings);
            String licence = list.get("licenseNo");
            if ("A".equals(list.get("statisticsFlag")) && licence != null) {
                findings.add(FindingCode.SIMPLIFIED_WITH_LICENCE.at(list.fieldPath("licenseNo"), licence));
            }
            if (CHINA.equals(list.get("country"))) {
                findings.add(FindingCode.EXPORT_TO_CHINA.at(list.fieldPath("country")));
            }
            legalQuantities(list, findings);
        }
    }

    /** A B2B list valued in yuan over 5000 (other currencies cannot be converted here: the gateway's shipment warns). */
    private static void limit(Declared list, List<Finding> findings) {
        String mode = list.get("tradeMode");
        if (mode == null || !B2B.contains(mode)) {
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Node line : list.lines()) {
            BigDecimal value = Amounts.parse(line.get("totalPrice"));
            if (!CNY.equals(Declared.trimmed(line.get("currency"))) || value == null) {
                return;
            }
            total = total.add(value);
        }
        if (total.compareTo(LIMIT) > 0) {
            findings.add(FindingCode.B2B_LIST_OVER_LIMIT.at(list.path(), mode, total.toPlainString()));
        }
    }

    private static void legalQuantities(Declared list, List<Finding> findings) {
        List<Node> lines = list.lines();
        for (int i = 0; i < lines.size(); i++) {
            Node line = lines.get(i);
            String unit = Declared.trimmed(line.get("unit"));
            if (unit != null && unit.equals(Declared.trimmed(line.get("unit1")))
                    && Figures.differ("qty", line.get("qty"), line.get("qty1"))) {
                findings.add(FindingCode.LEGAL_QUANTITY.at(list.lineFieldPath(i, "qty1"), unit, line.get("qty1").strip(), line.get("qty").strip()));
            }
        }
    }
}

package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.finding.Severity;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Documents that name declaration lists — the 总分单 (CEB607), arrival (CEB507) and departure (CEB509) by logisticsNo, the
 * cancellation (CEB605) and summary (CEB701) by invtNo — against the lists they name: every list named exists, the
 * carrier, bill and voyage agree, and the 总分单's gross weight is the lists' total.
 */
final class ReferenceRules implements LinkRule {
    private static final Set<MessageType> BY_WAYBILL_NO = Set.of(MessageType.CEB607, MessageType.CEB507, MessageType.CEB509);
    /** Head fields a bill, arrival or departure shares with the lists it names (where both carry them). */
    private static final List<String> SHARED = List.of("logisticsCode", "billNo", "voyageNo", "trafMode");
    private static final Set<String> B2B_MODES = Set.of("9710", "9810");

    @Override
    public void check(Declared d, Partners partners, List<Finding> findings) {
        if (BY_WAYBILL_NO.contains(d.type())) {
            byWaybillNo(d, partners, findings);
        } else if (d.type() == MessageType.CEB605) {
            Declared list = listByInvtNo(d, d.get("invtNo"), d.fieldPath("invtNo"), partners, findings);
            if (list != null) {
                for (String field : List.of("ebcCode", "logisticsCode")) {
                    mismatch(d, list, field, Severity.ERROR, findings);
                }
            }
        } else if (d.type() == MessageType.CEB701) {
            summary(d, partners, findings);
        }
    }

    private static void byWaybillNo(Declared d, Partners partners, List<Finding> findings) {
        List<Node> lines = d.lines();
        BigDecimal total = BigDecimal.ZERO;
        boolean allFound = !lines.isEmpty();
        for (int i = 0; i < lines.size(); i++) {
            String logisticsNo = Declared.trimmed(lines.get(i).get("logisticsNo"));
            List<Declared> lists = partners.listsByLogisticsNo(logisticsNo);
            if (lists.isEmpty()) {
                allFound = false;
                if (logisticsNo != null && partners.expects(MessageType.CEB603)) {
                    findings.add(FindingCode.NO_LIST_FOR_WAYBILL_NO.at(d.lineFieldPath(i, "logisticsNo"), d.typeName(), logisticsNo, partners.scope()));
                }
                continue;
            }
            Declared list = lists.get(0);
            for (String field : SHARED) {
                mismatch(d, list, field, Severity.ERROR, findings);
            }
            String packageNo = Declared.trimmed(lines.get(i).get("totalPackageNo"));
            if (Figures.differ("totalPackageNo", packageNo, list.get("totalPackageNo"))) {
                findings.add(FindingCode.REFERENCE_MISMATCH.at(Severity.WARNING, d.lineFieldPath(i, "totalPackageNo"), d.typeName(),
                        Declared.fieldZh(lines.get(i), "totalPackageNo"),
                        "totalPackageNo", packageNo, list.label(), list.get("totalPackageNo")).linkedTo(list.where(list.fieldPath("totalPackageNo"))));
            }
            BigDecimal weight = Amounts.parse(list.get("grossWeight"));
            total = weight == null ? total : total.add(weight);
            allFound &= weight != null;
        }
        if (d.type() == MessageType.CEB607 && allFound && "1".equals(d.get("msgCount"))
                && Figures.differ("grossWeight", d.get("grossWeight"), total.toPlainString())) {
            findings.add(FindingCode.REFERENCE_FIGURE.at(d.fieldPath("grossWeight"), d.typeName(), d.fieldZh("grossWeight"), "grossWeight", d.get("grossWeight"),
                    total.toPlainString()));
        }
    }

    private static void summary(Declared d, Partners partners, List<Finding> findings) {
        List<Node> lines = d.lines();
        for (int i = 0; i < lines.size(); i++) {
            String invtNo = Declared.trimmed(lines.get(i).get("invtNo"));
            Declared list = listByInvtNo(d, invtNo, d.lineFieldPath(i, "invtNo"), partners, findings);
            if (list == null) {
                continue;
            }
            mismatch(d, list, "ebcCode", Severity.ERROR, findings);
            String tradeMode = list.get("tradeMode");
            if (tradeMode != null && B2B_MODES.contains(tradeMode)) {
                findings.add(FindingCode.SUMMARY_OF_B2B_LIST.at(d.lineFieldPath(i, "invtNo"), invtNo, tradeMode)
                        .linkedTo(list.where(list.fieldPath("tradeMode"))));
            }
        }
    }

    private static Declared listByInvtNo(Declared d, String invtNo, String at, Partners partners, List<Finding> findings) {
        List<Declared> lists = partners.listsByInvtNo(invtNo);
        if (lists.isEmpty()) {
            if (invtNo != null && partners.knowsListNumbers()) {
                findings.add(FindingCode.NO_LIST_FOR_INVT_NO.at(at, d.typeName(), invtNo, partners.scope()));
            }
            return null;
        }
        return lists.get(0);
    }

    private static void mismatch(Declared d, Declared list, String field, Severity severity, List<Finding> findings) {
        if (Figures.differ(field, d.get(field), list.get(field))) {
            findings.add(FindingCode.REFERENCE_MISMATCH.at(severity, d.fieldPath(field), d.typeName(), d.fieldZh(field), field, d.get(field),
                    list.label(), list.get(field)).linkedTo(list.where(list.fieldPath(field))));
        }
    }
}

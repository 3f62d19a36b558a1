package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;

import java.util.List;
import java.util.Optional;

/**
 * One number, one live document: a new order or booking repeats no other's orderNo, a new waybill no other's
 * logisticsNo from the same carrier, and an order gets one declaration list. Customs refuses the second
 * (table 7-2: -301010 已存在相同编号的订单, -504015 已存在相同编号的运单). Changes and deletions (appType 2, 3) refer to
 * the existing document on purpose and are left alone.
 */
final class DuplicateRules implements LinkRule {

    @Override
    public void check(Declared d, Partners partners, List<Finding> findings) {
        if (!d.isNew()) {
            return;
        }
        switch (d.type()) {
            case CEB303 -> first(d, partners.orders(d.get("orderNo")), "ebcCode").ifPresent(other -> findings.add(
                    FindingCode.DUPLICATE_DOCUMENT.at(d.fieldPath("orderNo"), "orderNo", d.get("orderNo"), d.typeName())
                            .linkedTo(other.where(other.fieldPath("orderNo")))));
            case CEB505 -> first(d, partners.waybills(d.get("logisticsNo")), "logisticsCode").ifPresent(other -> findings.add(
                    FindingCode.DUPLICATE_DOCUMENT.at(d.fieldPath("logisticsNo"), "logisticsNo", d.get("logisticsNo"), d.typeName())
                            .linkedTo(other.where(other.fieldPath("logisticsNo")))));
            case CEB603 -> first(d, partners.listsByOrderNo(d.get("orderNo")), "ebcCode").ifPresent(other -> findings.add(
                    FindingCode.SECOND_LIST_FOR_ORDER.at(d.fieldPath("orderNo"), d.get("orderNo"), other.label())
                            .linkedTo(other.where(other.fieldPath("orderNo")))));
            default -> {
                // other documents may share numbers (a bill of lading is named by its 总分单, arrival and departure)
            }
        }
    }

    /** Another document with the same number and the same enterprise (by the field that names it). */
    private static Optional<Declared> first(Declared d, List<Declared> sameNumber, String enterprise) {
        return sameNumber.stream().filter(other -> other.record() != d.record() && other.type() == d.type()
                && !Figures.differ(enterprise, other.get(enterprise), d.get(enterprise))).findFirst();
    }
}

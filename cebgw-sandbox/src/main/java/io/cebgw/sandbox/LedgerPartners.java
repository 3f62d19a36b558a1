package io.cebgw.sandbox;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.validation.Declared;
import io.cebgw.core.validation.Partners;

import java.util.List;
import java.util.Optional;

/**
 * The partners of an arriving document among what the sandbox accepted before (rejected documents do not count): the
 * same rule book as {@code cebgw validate}, with the ledger as the world. Whether a list needs its order and its waybill
 * first is the sandbox's rule setting.
 */
final class LedgerPartners implements Partners {
    private static final Localized SCOPE = new Localized("已申报且未被退单的单证", "the documents declared and not rejected");

    private final Ledger ledger;
    private final SandboxConfig.Rules rules;

    LedgerPartners(Ledger ledger, SandboxConfig.Rules rules) {
        this.ledger = ledger;
        this.rules = rules;
    }

    @Override
    public List<Declared> orders(String orderNo) {
        return live(ledger.byNumber(Kind.ORDER, "orderNo", orderNo));
    }

    @Override
    public List<Declared> waybills(String logisticsNo) {
        return live(ledger.byNumber(Kind.WAYBILL, "logisticsNo", logisticsNo));
    }

    @Override
    public List<Declared> listsByOrderNo(String orderNo) {
        return live(ledger.byNumber(Kind.LIST, "orderNo", orderNo));
    }

    @Override
    public List<Declared> listsByLogisticsNo(String logisticsNo) {
        return live(ledger.listsByLogisticsNo(logisticsNo));
    }

    @Override
    public List<Declared> listsByInvtNo(String invtNo) {
        return live(ledger.listByInvtNo(invtNo).map(List::of).orElse(List.of()));
    }

    @Override
    public boolean expects(MessageType type) {
        return switch (type) {
            case CEB303 -> rules.listNeedsOrder();
            case CEB505 -> rules.listNeedsWaybill();
            default -> true;
        };
    }

    @Override
    public boolean knowsListNumbers() {
        return true;
    }

    @Override
    public Localized scope() {
        return SCOPE;
    }

    private static List<Declared> live(List<Document> documents) {
        return documents.stream().filter(LedgerPartners::isLive).map(Document::declared).toList();
    }

    static boolean isLive(Document document) {
        return document.status() != Status.REJECTED;
    }

    static Optional<Document> live(Optional<Document> document) {
        return document.filter(LedgerPartners::isLive);
    }
}

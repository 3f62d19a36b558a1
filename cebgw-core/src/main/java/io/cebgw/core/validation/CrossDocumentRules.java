package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule book across documents — what customs compares before it accepts a document (单证比对): a declaration list
 * against its order or booking and its waybill, the 总分单 / arrival / departure / cancellation / summary against the
 * lists they name, and one live document per number. The same rules serve {@code cebgw validate A B C…}, the gateway
 * (a shipment, an import batch, the declare step) and the sandbox, which looks for partners among what it has accepted.
 * Each finding names the other end in {@link Finding#linkedPath()}.
 */
public final class CrossDocumentRules {
    private final List<LinkRule> rules = List.of(new ListPartnerRules(), new ReferenceRules(), new DuplicateRules());

    /** One document against its partners. */
    public List<Finding> check(Declared document, Partners partners) {
        List<Finding> findings = new ArrayList<>();
        for (LinkRule rule : rules) {
            rule.check(document, partners, findings);
        }
        return findings;
    }

    /** Every given message against the others, all findings together (no document names). */
    public List<Finding> check(List<CebMessage> messages) {
        List<String> sources = new ArrayList<>();
        messages.forEach(m -> sources.add(null));
        return checkEach(messages, sources).stream().flatMap(List::stream).toList();
    }

    /**
     * Every given message against the others; the findings of each message, in the order given. A message given with
     * others that links to none of them gets {@link FindingCode#UNLINKED}, naming the keys that found no partner.
     *
     * @param sources each message's name for the other end of findings (file names), or nulls
     */
    public List<List<Finding>> checkEach(List<CebMessage> messages, List<String> sources) {
        List<List<Declared>> documents = new ArrayList<>();
        List<Declared> all = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            documents.add(Declared.of(messages.get(i), sources.get(i)));
            all.addAll(documents.get(i));
        }
        GivenDocuments given = new GivenDocuments(all);
        List<List<Finding>> out = new ArrayList<>();
        for (List<Declared> ofMessage : documents) {
            List<Finding> findings = new ArrayList<>();
            boolean linked = false;
            for (Declared d : ofMessage) {
                findings.addAll(check(d, given));
                linked |= !links(d, given).isEmpty() || given.isNamed(d);
            }
            List<LinkKeys.Key> keys = ofMessage.isEmpty() ? List.of() : LinkKeys.of(ofMessage.get(0));
            if (messages.size() > 1 && !linked && findings.isEmpty() && !keys.isEmpty()) {
                findings.add(FindingCode.UNLINKED.at(ofMessage.get(0).path(), String.join(", ", keys.stream().map(LinkKeys.Key::toString).toList())));
            }
            out.add(findings);
        }
        return out;
    }

    /**
     * The partners a document found among the given ones (itself left out): a list its order and waybill; any other
     * document the lists carrying its numbers.
     */
    private static List<Declared> links(Declared d, GivenDocuments given) {
        List<Declared> found = new ArrayList<>();
        boolean list = d.type() == io.cebgw.core.spec.MessageType.CEB603;
        for (LinkKeys.Key key : LinkKeys.of(d)) {
            found.addAll(switch (key.field()) {
                case "orderNo" -> list ? given.orders(key.value()) : given.listsByOrderNo(key.value());
                case "logisticsNo" -> list ? given.waybills(key.value()) : given.listsByLogisticsNo(key.value());
                default -> given.listsByInvtNo(key.value());
            });
        }
        found.removeIf(other -> other.record() == d.record());
        return found;
    }
}

package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;

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
            if (messages.size() > 1 && !linked && findings.isEmpty() && !ofMessage.isEmpty() && !keys(ofMessage.get(0)).isEmpty()) {
                Declared first = ofMessage.get(0);
                findings.add(FindingCode.UNLINKED.at(first.path(), String.join(", ", keys(first))));
            }
            out.add(findings);
        }
        return out;
    }

    /** The partners a document found among the given ones (itself left out). */
    private static List<Declared> links(Declared d, GivenDocuments given) {
        List<Declared> found = new ArrayList<>();
        switch (d.type()) {
            case CEB303 -> found.addAll(given.listsByOrderNo(d.get("orderNo")));
            case CEB505 -> found.addAll(given.listsByLogisticsNo(d.get("logisticsNo")));
            case CEB603 -> {
                found.addAll(given.orders(d.get("orderNo")));
                found.addAll(given.waybills(d.get("logisticsNo")));
            }
            case CEB607, CEB507, CEB509 -> d.lines().forEach(line -> found.addAll(given.listsByLogisticsNo(Declared.trimmed(line.get("logisticsNo")))));
            case CEB605 -> found.addAll(given.listsByInvtNo(d.get("invtNo")));
            case CEB701 -> d.lines().forEach(line -> found.addAll(given.listsByInvtNo(Declared.trimmed(line.get("invtNo")))));
            default -> {
                // receipts and the other types link to nothing by key
            }
        }
        found.removeIf(other -> other.record() == d.record());
        return found;
    }

    /** The keys by which a document looks for partners, as "field “value”" texts. */
    private static List<String> keys(Declared d) {
        List<String> keys = new ArrayList<>();
        switch (d.type()) {
            case CEB303 -> key(keys, "orderNo", d.get("orderNo"));
            case CEB505 -> key(keys, "logisticsNo", d.get("logisticsNo"));
            case CEB603 -> {
                key(keys, "orderNo", d.get("orderNo"));
                key(keys, "logisticsNo", d.get("logisticsNo"));
            }
            case CEB607, CEB507, CEB509 -> lineKeys(keys, d, "logisticsNo");
            case CEB605 -> key(keys, "invtNo", d.get("invtNo"));
            case CEB701 -> lineKeys(keys, d, "invtNo");
            default -> {
                // no keys
            }
        }
        return keys;
    }

    private static void lineKeys(List<String> keys, Declared d, String field) {
        for (Node line : d.lines()) {
            key(keys, field, Declared.trimmed(line.get(field)));
        }
    }

    private static void key(List<String> keys, String field, String value) {
        if (value != null) {
            keys.add(field + " “" + value + "”");
        }
    }
}

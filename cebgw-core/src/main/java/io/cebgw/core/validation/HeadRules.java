package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules about one document's head: weights, message sequence numbers, the summary time range, the import/export
 * flag, the return's country of departure, repeated guids, currencies and the signature a declaration needs.
 */
final class HeadRules implements RuleGroup {
    private static final Map<MessageType, String> IE_FLAG = Map.of(
            MessageType.CEB603, "E", MessageType.CEB507, "E", MessageType.CEB213, "I", MessageType.CEB215, "I");
    private static final String CHINA = "142";

    @Override
    public void message(CebMessage message, List<Finding> findings) {
        Map<String, Integer> guids = new HashMap<>();
        boolean declares = false;
        String root = "/ceb:" + message.type().rootName();
        List<Node> records = message.businessRecords();
        for (int i = 0; i < records.size(); i++) {
            Node record = records.get(i);
            String recordPath = root + "/ceb:" + record.name() + "[" + (i + 1) + "]";
            Node head = head(record);
            String headPath = head == record ? recordPath : recordPath + "/ceb:" + head.name();
            weights(head, headPath, findings);
            sequence(head, headPath, findings);
            timeRange(message, head, headPath, findings);
            ieFlag(message, head, headPath, findings);
            origin(message, head, headPath, findings);
            currencies(record, head, recordPath, findings);
            String guid = head.get("guid");
            if (guid != null && message.type().isDeclaration()) {
                Integer first = guids.putIfAbsent(guid, i + 1);
                if (first != null) {
                    findings.add(FindingCode.REPEATED_GUID.at(headPath + "/ceb:guid", guid, i + 1));
                }
            }
            declares |= "2".equals(head.get("appStatus"));
        }
        if (declares && message.type().isDeclaration() && !message.isSigned()) {
            findings.add(FindingCode.NOT_SIGNED.at(root));
        }
    }

    /** The node holding the head fields: the *Head child where there is one, else the record itself. */
    static Node head(Node record) {
        for (var group : record.def().groups()) {
            if (group.name().endsWith("Head")) {
                Node head = record.child(group.name());
                return head == null ? record : head;
            }
        }
        return record;
    }

    private static void weights(Node head, String path, List<Finding> findings) {
        BigDecimal gross = Amounts.parse(head.get("grossWeight"));
        BigDecimal net = Amounts.parse(head.get("netWeight"));
        if (gross != null && net != null && net.compareTo(gross) > 0) {
            findings.add(FindingCode.WEIGHT.at(path + "/ceb:netWeight", head.get("netWeight"), head.get("grossWeight")));
        }
    }

    private static void sequence(Node head, String path, List<Finding> findings) {
        Integer count = Amounts.parseInt(head.get("msgCount"));
        Integer seq = Amounts.parseInt(head.get("msgSeqNo"));
        if (seq == null) {
            return;
        }
        if (seq < 1 || (count != null && (count < 1 || seq > count))) {
            findings.add(FindingCode.MESSAGE_SEQUENCE.at(path + "/ceb:msgSeqNo", head.get("msgSeqNo"),
                    head.get("msgCount") == null ? "—" : head.get("msgCount")));
        }
    }

    private static void timeRange(CebMessage message, Node head, String path, List<Finding> findings) {
        if (message.type() != MessageType.CEB701) {
            return;
        }
        String start = head.get("startTime");
        String end = head.get("endTime");
        boolean hasStart = start != null && !start.isBlank();
        boolean hasEnd = end != null && !end.isBlank();
        if (hasStart != hasEnd || (hasStart && end.strip().compareTo(start.strip()) < 0)) {
            findings.add(FindingCode.TIME_RANGE.at(path + "/ceb:endTime"));
        }
    }

    private static void ieFlag(CebMessage message, Node head, String path, List<Finding> findings) {
        String expected = IE_FLAG.get(message.type());
        String actual = head.get("ieFlag");
        if (expected != null && actual != null && !actual.isBlank() && !expected.equals(actual.strip())) {
            findings.add(FindingCode.IE_FLAG.at(path + "/ceb:ieFlag", new Localized(message.type().zh(), message.type().en()), expected, actual));
        }
    }

    private static void origin(CebMessage message, Node head, String path, List<Finding> findings) {
        if (message.type() == MessageType.CEB213 && CHINA.equals(head.get("country"))) {
            findings.add(FindingCode.ORIGIN_NOT_CHINA.at(path + "/ceb:country"));
        }
    }

    private static void currencies(Node record, Node head, String recordPath, List<Finding> findings) {
        String currency = head.get("currency");
        if (currency == null || !"Order".equals(record.name())) {
            return;
        }
        List<Node> items = record.children("OrderList");
        for (int i = 0; i < items.size(); i++) {
            String itemCurrency = items.get(i).get("currency");
            if (itemCurrency != null && !itemCurrency.equals(currency)) {
                findings.add(FindingCode.CURRENCY_MIXED.at(recordPath + "/ceb:OrderList[" + (i + 1) + "]/ceb:currency", itemCurrency, currency));
            }
        }
    }
}

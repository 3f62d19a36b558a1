package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules on the documents a message lists: a 总分单, arrival or departure names each waybill once, a summary each list
 * once (within each record: the official sample repeats one summary's lists in the next), and a summary either lists its lists or gives a period — a period makes
 * customs ignore the lists (spec §2.21).
 */
final class ListedDocumentRules implements RuleGroup {
    private static final Map<MessageType, String> LISTED = Map.of(MessageType.CEB607, "logisticsNo", MessageType.CEB507, "logisticsNo",
            MessageType.CEB509, "logisticsNo", MessageType.CEB701, "invtNo");

    @Override
    public void message(CebMessage message, List<Finding> findings) {
        String field = LISTED.get(message.type());
        if (field == null) {
            return;
        }
        for (Declared d : Declared.of(message, null)) {
            Map<String, Integer> seen = new HashMap<>();
            List<Node> lines = d.lines();
            for (int i = 0; i < lines.size(); i++) {
                String number = Declared.trimmed(lines.get(i).get(field));
                if (number != null) {
                    int times = seen.merge(number, 1, Integer::sum);
                    if (times > 1) {
                        findings.add(FindingCode.REPEATED_REFERENCE.at(d.lineFieldPath(i, field), field, number, times));
                    }
                }
            }
            if (message.type() == MessageType.CEB701) {
                scope(d, findings);
            }
        }
    }

    private static void scope(Declared summary, List<Finding> findings) {
        boolean period = summary.get("startTime") != null || summary.get("endTime") != null;
        int lists = summary.lines().size();
        if (!period && lists == 0) {
            findings.add(FindingCode.SUMMARY_WITHOUT_SCOPE.at(summary.path()));
        } else if (period && lists > 0) {
            findings.add(FindingCode.SUMMARY_PERIOD_HIDES_LIST.at(summary.fieldPath("startTime"), lists));
        }
    }
}

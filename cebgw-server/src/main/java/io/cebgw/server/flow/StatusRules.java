package io.cebgw.server.flow;

import io.cebgw.core.spec.MessageType;

import java.util.Map;
import java.util.Set;

/**
 * Which receipt statuses end a document's life (after which no receipt changes it): 100 海关退单 and negative
 * (processing error) statuses for every type, 899 结关 for declaration lists, 399 for 总分单, arrival, departure,
 * cancel and summary, 120 for orders, payments and waybills. Exchange errors (DxpRep) and CEB900 are final too.
 */
public final class StatusRules {
    private static final Map<MessageType, Set<String>> FINAL = Map.ofEntries(
            Map.entry(MessageType.CEB303, Set.of("120")), Map.entry(MessageType.CEB403, Set.of("120")),
            Map.entry(MessageType.CEB505, Set.of("120")), Map.entry(MessageType.CEB603, Set.of("899")),
            Map.entry(MessageType.CEB605, Set.of("399")), Map.entry(MessageType.CEB607, Set.of("399")),
            Map.entry(MessageType.CEB507, Set.of("399")), Map.entry(MessageType.CEB509, Set.of("399")),
            Map.entry(MessageType.CEB701, Set.of("399")), Map.entry(MessageType.CEB213, Set.of("399")),
            Map.entry(MessageType.CEB215, Set.of("399")));

    private StatusRules() {
    }

    public static boolean isFinal(MessageType declaration, String status) {
        return "100".equals(status) || status.startsWith("-") || status.startsWith("E") || "900".equals(status)
                || FINAL.getOrDefault(declaration, Set.of()).contains(status);
    }
}

package io.cebgw.core.spec;

import java.util.List;
import java.util.Map;

/**
 * The head fields that name the enterprise answering for a declaration — the one that sends it, or for whom it is sent
 * (SPEC22's sender of each message): an order's 电商企业, a waybill's or arrival's 物流企业, a list's 申报企业 and 电商企业.
 * Other enterprise codes in a message (the platform, the carrier a list names, the 监管场所) are only named.
 */
public final class SenderFields {
    private static final Map<MessageType, List<String>> FIELDS = Map.ofEntries(
            Map.entry(MessageType.CEB303, List.of("ebcCode")),
            Map.entry(MessageType.CEB403, List.of("ebcCode")),
            Map.entry(MessageType.CEB505, List.of("logisticsCode")),
            Map.entry(MessageType.CEB507, List.of("logisticsCode")),
            Map.entry(MessageType.CEB509, List.of("logisticsCode")),
            Map.entry(MessageType.CEB603, List.of("agentCode", "ebcCode")),
            Map.entry(MessageType.CEB605, List.of("agentCode", "ebcCode")),
            Map.entry(MessageType.CEB607, List.of("agentCode")),
            Map.entry(MessageType.CEB213, List.of("agentCode", "ebcCode")),
            Map.entry(MessageType.CEB215, List.of("logisticsCode")),
            Map.entry(MessageType.CEB701, List.of("agentCode", "ebcCode")));

    private SenderFields() {
    }

    /** The sender fields of a declaration type, in its head; none for a type that is not sent by an enterprise. */
    public static List<String> of(MessageType type) {
        return FIELDS.getOrDefault(type, List.of());
    }
}

package io.cebgw.sandbox;

import io.cebgw.core.spec.MessageType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the sandbox treats each declaration type: its business key (what makes two declarations "the same"), and
 * its role in the flow. Keys follow the receipts' own key fields (SPEC22 §2).
 */
enum Kind {
    ORDER(MessageType.CEB303, List.of("ebpCode", "ebcCode", "orderNo")),
    PAYMENT(MessageType.CEB403, List.of("ebcCode", "orderNo", "payNo")),
    WAYBILL(MessageType.CEB505, List.of("logisticsCode", "logisticsNo")),
    LIST(MessageType.CEB603, List.of("agentCode", "copNo")),
    CANCEL(MessageType.CEB605, List.of("agentCode", "copNo")),
    MASTER_BILL(MessageType.CEB607, List.of("agentCode", "copNo")),
    ARRIVAL(MessageType.CEB507, List.of("operatorCode", "copNo")),
    DEPARTURE(MessageType.CEB509, List.of("logisticsCode", "copNo")),
    SUMMARY(MessageType.CEB701, List.of("agentCode", "copNo")),
    RETURN(MessageType.CEB213, List.of("agentCode", "coElNo")),
    RETURN_TALLY(MessageType.CEB215, List.of("operatorCode", "coElNo"));

    private static final Map<MessageType, Kind> BY_TYPE = Map.ofEntries(
            java.util.Arrays.stream(values()).map(k -> Map.entry(k.type, k)).toArray(Map.Entry[]::new));

    final MessageType type;
    final List<String> keyFields;

    Kind(MessageType type, List<String> keyFields) {
        this.type = type;
        this.keyFields = keyFields;
    }

    static Optional<Kind> of(MessageType type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The statuses a document of this kind goes through once accepted, up to where it waits for others. */
    List<Status> firstStatuses(Optional<Scenario> scenario) {
        return switch (this) {
            case LIST -> scenario.filter(s -> s == Scenario.MANUAL).isPresent()
                    ? List.of(Status.DECLARING, Status.ACCEPTED, Status.MANUAL_REVIEW, Status.CONCLUDED)
                    : List.of(Status.DECLARING, Status.ACCEPTED, Status.CONCLUDED);
            case ORDER, PAYMENT, WAYBILL -> List.of(Status.DECLARING, Status.ACCEPTED);
            default -> List.of(Status.DECLARING, Status.ACCEPTED, Status.CONCLUDED);
        };
    }
}

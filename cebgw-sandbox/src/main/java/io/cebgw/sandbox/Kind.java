package io.cebgw.sandbox;

import io.cebgw.core.spec.MessageType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the sandbox treats each declaration type: its role in the flow. Business keys are core's {@code BusinessKey}.
 */
enum Kind {
    ORDER(MessageType.CEB303),
    PAYMENT(MessageType.CEB403),
    WAYBILL(MessageType.CEB505),
    LIST(MessageType.CEB603),
    CANCEL(MessageType.CEB605),
    MASTER_BILL(MessageType.CEB607),
    ARRIVAL(MessageType.CEB507),
    DEPARTURE(MessageType.CEB509),
    SUMMARY(MessageType.CEB701),
    RETURN(MessageType.CEB213),
    RETURN_TALLY(MessageType.CEB215);

    private static final Map<MessageType, Kind> BY_TYPE = Map.ofEntries(
            java.util.Arrays.stream(values()).map(k -> Map.entry(k.type, k)).toArray(Map.Entry[]::new));

    final MessageType type;

    Kind(MessageType type) {
        this.type = type;
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

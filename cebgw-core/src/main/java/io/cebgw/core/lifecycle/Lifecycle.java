package io.cebgw.core.lifecycle;

import io.cebgw.core.spec.MessageType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The life of one declaration type: the statuses it passes on the good path, the one that ends it well, and from
 * which status on it can no longer be modified or deleted. Every status of meaning {@link Meaning#alwaysFinal()}
 * (退单, processing errors, format and exchange errors) ends every type too.
 *
 * <p>Orders, collections and waybills end at 120 海关入库; the declaration list at 899 结关; 总分单, arrival,
 * departure, cancellation, summary and the return documents at 399 海关审结 (B2B-EXPORT-RULES.md, MESSAGES.md §4.2).
 */
public record Lifecycle(MessageType type, List<ReturnStatus> path, ReturnStatus last) {
    private static final Map<MessageType, Lifecycle> TABLE = new EnumMap<>(MessageType.class);

    static {
        List<ReturnStatus> toEntered = List.of(ReturnStatus.DECLARING, ReturnStatus.ENTERED);
        List<ReturnStatus> toConcluded = List.of(ReturnStatus.DECLARING, ReturnStatus.ENTERED, ReturnStatus.CONCLUDED);
        for (MessageType t : List.of(MessageType.CEB303, MessageType.CEB403, MessageType.CEB505)) {
            TABLE.put(t, new Lifecycle(t, toEntered, ReturnStatus.ENTERED));
        }
        TABLE.put(MessageType.CEB603, new Lifecycle(MessageType.CEB603, List.of(ReturnStatus.DECLARING, ReturnStatus.ENTERED,
                ReturnStatus.MANUAL_REVIEW, ReturnStatus.CONCLUDED, ReturnStatus.INSPECTION, ReturnStatus.RELEASED, ReturnStatus.CLEARED),
                ReturnStatus.CLEARED));
        for (MessageType t : List.of(MessageType.CEB605, MessageType.CEB607, MessageType.CEB507, MessageType.CEB509, MessageType.CEB701,
                MessageType.CEB213, MessageType.CEB215)) {
            TABLE.put(t, new Lifecycle(t, toConcluded, ReturnStatus.CONCLUDED));
        }
    }

    public Lifecycle {
        Objects.requireNonNull(type, "type");
        path = List.copyOf(path);
        Objects.requireNonNull(last, "last");
    }

    /** The lifecycle of a declaration type; empty for receipts, results and CEB900. */
    public static Optional<Lifecycle> lookup(MessageType type) {
        return Optional.ofNullable(TABLE.get(type));
    }

    /** The lifecycle of a declaration type. */
    public static Lifecycle of(MessageType type) {
        return lookup(type).orElseThrow(() -> new IllegalArgumentException(type + " is not a declaration"));
    }

    /** Every declaration type's lifecycle, in the order of {@link MessageType}. */
    public static List<Lifecycle> all() {
        return List.copyOf(TABLE.values());
    }

    /** The lifecycle of a type by its root name ({@code CEB603Message}). */
    public static Lifecycle ofRootName(String rootName) {
        return of(MessageType.byRootName(rootName).orElseThrow(() -> new IllegalArgumentException("unknown message type " + rootName)));
    }

    /** Whether this status ends a document of this type: after it no receipt changes the document. */
    public boolean isFinal(ReturnStatus status) {
        return status.meaning().alwaysFinal() || status.equals(last);
    }

    /** {@link #isFinal(ReturnStatus)} of a stored status code. */
    public boolean isFinal(String code) {
        return code != null && isFinal(ReturnStatus.of(code));
    }

    /**
     * Whether a document in this status (null: not declared or no receipt yet) may still be modified or deleted
     * (appType 2 or 3): not once customs has concluded it (399 and what follows it).
     */
    public boolean allowsChange(String code) {
        return code == null || ReturnStatus.of(code).rank() < ReturnStatus.CONCLUDED.rank();
    }

    /**
     * Whether a document in this status still holds its business key: every one but those refused or in error, whose
     * key is free for a corrected declaration.
     */
    public static boolean holdsKey(String code) {
        if (code == null) {
            return true;
        }
        Meaning m = ReturnStatus.of(code).meaning();
        return m != Meaning.FINAL_BAD && m != Meaning.PROCESSING_ERROR;
    }

    /** Whether a document in status {@code code} has come at least as far as {@code needed}, and not by a bad way. */
    public static boolean reached(String code, ReturnStatus needed) {
        if (code == null) {
            return false;
        }
        ReturnStatus s = ReturnStatus.of(code);
        return !s.meaning().bad() && s.rank() >= needed.rank();
    }

    /** Whether a status means the document was refused or failed (a person must act). */
    public static boolean failed(String code) {
        return code != null && ReturnStatus.of(code).meaning().bad();
    }

    /** The statuses of the good path, by code (for docs and tests). */
    public List<String> pathCodes() {
        return path.stream().map(ReturnStatus::code).toList();
    }
}

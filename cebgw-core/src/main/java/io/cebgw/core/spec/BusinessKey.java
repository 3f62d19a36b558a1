package io.cebgw.core.spec;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes two declarations "the same document" for customs, per type — the key fields its receipt carries
 * back (SPEC22 §2): an order is ebpCode+ebcCode+orderNo, a waybill logisticsCode+logisticsNo, a list agentCode+copNo …
 * The receipt of a declaration carries the same fields, so the key matches a receipt to its document.
 */
public final class BusinessKey {
    private static final Map<MessageType, List<String>> FIELDS = new EnumMap<>(MessageType.class);

    static {
        FIELDS.put(MessageType.CEB303, List.of("ebpCode", "ebcCode", "orderNo"));
        FIELDS.put(MessageType.CEB403, List.of("ebcCode", "orderNo", "payNo"));
        FIELDS.put(MessageType.CEB505, List.of("logisticsCode", "logisticsNo"));
        FIELDS.put(MessageType.CEB507, List.of("operatorCode", "copNo"));
        FIELDS.put(MessageType.CEB509, List.of("logisticsCode", "copNo"));
        FIELDS.put(MessageType.CEB603, List.of("agentCode", "copNo"));
        FIELDS.put(MessageType.CEB605, List.of("agentCode", "copNo"));
        FIELDS.put(MessageType.CEB607, List.of("agentCode", "copNo"));
        FIELDS.put(MessageType.CEB701, List.of("agentCode", "copNo"));
        FIELDS.put(MessageType.CEB213, List.of("agentCode", "coElNo"));
        FIELDS.put(MessageType.CEB215, List.of("operatorCode", "coElNo"));
    }

    private BusinessKey() {
    }

    /** The key fields of a declaration type; empty for receipts and CEB900. */
    public static Optional<List<String>> fields(MessageType declaration) {
        return Optional.ofNullable(FIELDS.get(declaration));
    }

    /** The declaration type a receipt type answers (CEB604 → CEB603). */
    public static Optional<MessageType> declarationOf(MessageType receipt) {
        return FIELDS.keySet().stream().filter(t -> t.receipt().filter(receipt::equals).isPresent()).findFirst();
    }

    /** The key of a record of a declaration (or of its receipt), from a field lookup: values joined with "|". */
    public static String of(MessageType declaration, Function<String, String> field) {
        List<String> names = fields(declaration).orElseThrow(() -> new IllegalArgumentException(declaration + " has no business key"));
        StringBuilder key = new StringBuilder();
        for (String name : names) {
            if (key.length() > 0) {
                key.append('|');
            }
            key.append(field.apply(name));
        }
        return key.toString();
    }
}

package io.cebgw.sandbox;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tester asks of the sandbox without writing code: a document whose copNo, orderNo or logisticsNo starts
 * with {@code SBX-<NAME>} follows that scenario (docs/sandbox.md lists them with the receipts each produces).
 */
public enum Scenario {
    /** 100 海关退单 right after 2, with a canned reason. */
    REJECT,
    /** 300 人工审核 before 399 (declaration lists). */
    MANUAL,
    /** 500 海关查验 before 800 放行 (declaration lists). */
    INSPECT,
    /** Every receipt twenty times later than usual. */
    SLOW,
    /** Only the first receipt (2); the rest never comes. */
    SILENT,
    /** Every receipt sent twice. */
    DUPLICATE,
    /** The first two receipts sent in reverse order (their returnTime stays in the true order). */
    DISORDER,
    /** A garbled envelope after the first receipt, then the rest as usual. */
    GARBLED;

    public static final String PREFIX = "SBX-";

    /** The scenario named by the first of the values that carries the prefix, if any. */
    public static Optional<Scenario> of(Collection<String> numbers) {
        for (String n : numbers) {
            if (n != null && n.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
                String rest = n.substring(PREFIX.length()).toUpperCase(Locale.ROOT);
                for (Scenario s : values()) {
                    if (rest.startsWith(s.name())) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return Optional.empty();
    }
}

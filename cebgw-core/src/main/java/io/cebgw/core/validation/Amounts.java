package io.cebgw.core.validation;

import java.math.BigDecimal;

/** Reads field text as a number for the arithmetic rules; text that is not a number was reported elsewhere. */
final class Amounts {
    private Amounts() {
    }

    static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer parseInt(String text) {
        if (text == null || !text.strip().matches("[+-]?\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }
}

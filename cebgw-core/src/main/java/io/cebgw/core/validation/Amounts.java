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
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (s.length() == start || s.length() - start > 9) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(s);
    }
}

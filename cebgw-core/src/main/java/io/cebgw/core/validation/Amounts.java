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
        if (s.length() - start > 9 || !digitsOnly(s, start)) {
            return null;
        }
        return Integer.valueOf(s);
    }

    /** True when the text has at least one character from {@code from} on, and all of them are ASCII digits. */
    static boolean digitsOnly(String text, int from) {
        if (text.length() <= from) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

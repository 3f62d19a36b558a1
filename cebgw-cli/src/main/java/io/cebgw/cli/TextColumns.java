package io.cebgw.cli;

/** Lines up text in a terminal's columns, counting a Chinese character as two columns wide. */
public final class TextColumns {
    private TextColumns() {
    }

    /** The text and at least one space, filling {@code width} columns. */
    public static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - width(text)));
    }

    /** How many columns the text takes. */
    public static int width(String text) {
        return text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }
}

package io.cebgw.cli;

/** Lines up text in a terminal's columns, counting a Chinese character as two columns wide. */
final class TextColumns {
    private TextColumns() {
    }

    /** The text and at least one space, filling {@code width} columns. */
    static String pad(String text, int width) {
        int visible = text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
        return text + " ".repeat(Math.max(1, width - visible));
    }
}

package io.cebgw.core.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field format as the spec tables write it: {@code C36} (exactly 36 characters), {@code C..36} (up to 36),
 * {@code C18..20} (18 to 20), {@code N19,5} (up to 19 digits, 5 after the point), {@code N5} (up to 5 digits).
 * Where the spec table is stricter than the XSD, the validator reports the difference as a warning.
 */
public record PdfFormat(String text, boolean numeric, int minLength, int maxLength, int fractionDigits) {
    private static final Pattern CHARS = Pattern.compile("C(\\d*)(?:\\.\\.(\\d+))?");
    private static final Pattern NUMBER = Pattern.compile("N(\\d+)(?:,(\\d+))?");

    /** Parses a spec format; returns null for an empty or unrecognised one. */
    public static PdfFormat parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher c = CHARS.matcher(text);
        if (c.matches()) {
            if (c.group(2) == null) {
                int n = Integer.parseInt(c.group(1));
                return new PdfFormat(text, false, n, n, 0);
            }
            int min = c.group(1).isEmpty() ? 0 : Integer.parseInt(c.group(1));
            return new PdfFormat(text, false, min, Integer.parseInt(c.group(2)), 0);
        }
        Matcher n = NUMBER.matcher(text);
        if (n.matches()) {
            int frac = n.group(2) == null ? 0 : Integer.parseInt(n.group(2));
            return new PdfFormat(text, true, 0, Integer.parseInt(n.group(1)), frac);
        }
        return null;
    }
}

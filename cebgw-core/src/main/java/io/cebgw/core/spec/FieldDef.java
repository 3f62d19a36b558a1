package io.cebgw.core.spec;

/**
 * One field (a leaf element with text) of a message, with the XSD facets that decide validity and the spec
 * table's format and required flag that may be stricter.
 *
 * @param minLength     XSD minLength (0 when none)
 * @param maxLength     XSD maxLength ({@code Integer.MAX_VALUE} when none)
 * @param totalDigits   XSD totalDigits for numbers (0 when none)
 * @param fractionDigits XSD fractionDigits for decimals
 * @param collapse      XSD whiteSpace=collapse
 * @param fixed         XSD fixed value, or null
 * @param defaultValue  XSD default value, or null
 * @param pdfFormat     the spec table's format, or null
 * @param pdfRequired   whether the spec table marks the field 是 (required)
 */
public record FieldDef(
        String name,
        String zh,
        Occurs occurs,
        FieldType type,
        int minLength,
        int maxLength,
        int totalDigits,
        int fractionDigits,
        boolean collapse,
        String fixed,
        String defaultValue,
        PdfFormat pdfFormat,
        boolean pdfRequired) implements NodeDef {

    /** Required by the XSD. */
    public boolean required() {
        return occurs.min() > 0;
    }
}

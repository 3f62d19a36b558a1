package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.FieldType;
import io.cebgw.core.spec.PdfFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Required flags, lengths, numbers, fixed values, dates and guids of every field, from the definitions. */
final class FieldRules implements RuleGroup {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Fields whose text is a time; the value is the format shown to users. */
    private static final Map<String, String> TIME_FIELDS = Map.of(
            "appTime", "YYYYMMDDhhmmss", "accountingDate", "YYYYMMDDhhmmss", "leaveTime", "YYYYMMDDhhmmss",
            "startTime", "YYYYMMDDhhmmss", "endTime", "YYYYMMDDhhmmss", "ieDate", "YYYYMMDD",
            "returnTime", "YYYYMMDDhhmmssfff", "opDate", "YYYYMMDDhhmmssfff");

    @Override
    public void node(CebMessage message, Node node, String path, List<Finding> findings) {
        for (FieldDef field : node.def().fields()) {
            check(node, field, path, findings);
        }
    }

    /** A finding about a field; the field's name and Chinese name are the first two message arguments. */
    private static Finding at(FindingCode code, FieldDef f, String nodePath, Object... more) {
        Object[] args = new Object[more.length + 2];
        args[0] = f.name();
        args[1] = f.zh();
        System.arraycopy(more, 0, args, 2, more.length);
        return code.at(NodeWalker.fieldPath(nodePath, f.name()), args);
    }

    private void check(Node node, FieldDef f, String nodePath, List<Finding> findings) {
        String value = node.get(f.name());
        if (value == null) {
            if (f.required()) {
                findings.add(at(FindingCode.REQUIRED, f, nodePath));
            } else if (f.pdfRequired()) {
                findings.add(at(FindingCode.SPEC_REQUIRED, f, nodePath));
            }
            return;
        }
        if (hasControlCharacter(value)) {
            findings.add(at(FindingCode.INVALID_CHARACTER, f, nodePath));
            return;
        }
        String text = f.type() == FieldType.STRING && !f.collapse() ? value : collapse(value);
        if (text.isEmpty()) {
            if (f.required()) {
                findings.add(at(FindingCode.EMPTY, f, nodePath));
            }
            return;
        }
        switch (f.type()) {
            case DECIMAL -> decimal(f, text, nodePath, findings);
            case INT -> integer(f, text, nodePath, findings);
            default -> string(f, value, text, nodePath, findings);
        }
    }

    private void string(FieldDef f, String raw, String text, String nodePath, List<Finding> findings) {
        int length = text.codePointCount(0, text.length());
        if (length > f.maxLength()) {
            findings.add(at(FindingCode.TOO_LONG, f, nodePath, length, f.maxLength()));
            return;
        }
        if (length < f.minLength()) {
            findings.add(at(FindingCode.TOO_SHORT, f, nodePath, length, f.minLength()));
            return;
        }
        if (f.fixed() != null && !f.fixed().equals(text)) {
            findings.add(at(FindingCode.FIXED_VALUE, f, nodePath, text, f.fixed()));
            return;
        }
        if (!f.collapse() && !raw.equals(raw.strip())) {
            findings.add(at(FindingCode.SURROUNDING_SPACE, f, nodePath));
        }
        String timeFormat = TIME_FIELDS.get(f.name());
        if (timeFormat != null && !validTime(text, timeFormat)) {
            findings.add(at(FindingCode.BAD_DATETIME, f, nodePath, text, timeFormat));
            return;
        }
        if ("guid".equals(f.name()) && !OccursRules.isUpperCaseGuid(text)) {
            findings.add(at(FindingCode.GUID_FORMAT, f, nodePath, text));
        }
        PdfFormat pdf = f.pdfFormat();
        if (pdf != null && !pdf.numeric() && (length < pdf.minLength() || length > pdf.maxLength())) {
            findings.add(at(FindingCode.SPEC_FORMAT, f, nodePath, text, pdf.text()));
        }
    }

    private void decimal(FieldDef f, String text, String nodePath, List<Finding> findings) {
        if (!DECIMAL.matcher(text).matches() || !digitsFit(text, f.totalDigits(), f.fractionDigits())) {
            findings.add(at(FindingCode.NOT_DECIMAL, f, nodePath, text, f.totalDigits(), f.fractionDigits()));
        } else if (text.startsWith("-") && !isZero(text)) {
            findings.add(at(FindingCode.NEGATIVE_AMOUNT, f, nodePath, text));
        }
    }

    private void integer(FieldDef f, String text, String nodePath, List<Finding> findings) {
        if (!INTEGER.matcher(text).matches() || !digitsFit(text, f.totalDigits(), 0)) {
            findings.add(at(FindingCode.NOT_INTEGER, f, nodePath, text, f.totalDigits()));
        }
    }

    /** XSD totalDigits/fractionDigits: leading zeros of the integer part and trailing zeros of the fraction do not count. */
    static boolean digitsFit(String text, int totalDigits, int fractionDigits) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        int dot = text.indexOf('.');
        int intEnd = dot < 0 ? text.length() : dot;
        int firstSignificant = start;
        while (firstSignificant < intEnd && text.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        int fracEnd = text.length();
        if (dot >= 0) {
            while (fracEnd > dot + 1 && text.charAt(fracEnd - 1) == '0') {
                fracEnd--;
            }
        }
        int fraction = dot < 0 ? 0 : fracEnd - dot - 1;
        if (fraction > fractionDigits) {
            return false;
        }
        return totalDigits == 0 || (intEnd - firstSignificant) + fraction <= totalDigits;
    }

    private static boolean isZero(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '+' && c != '.' && c != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean validTime(String text, String format) {
        if (text.length() != format.length() || !Amounts.digitsOnly(text, 0)) {
            return false;
        }
        try {
            int year = Integer.parseInt(text, 0, 4, 10);
            int month = Integer.parseInt(text, 4, 6, 10);
            int day = Integer.parseInt(text, 6, 8, 10);
            LocalDate.of(year, month, day);
            if (text.length() == 8) {
                return true;
            }
            int hour = Integer.parseInt(text, 8, 10, 10);
            int minute = Integer.parseInt(text, 10, 12, 10);
            int second = Integer.parseInt(text, 12, 14, 10);
            return hour < 24 && minute < 60 && second < 60;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** XSD whiteSpace=collapse: trim, and turn every run of white space into one space. */
    static String collapse(String value) {
        String trimmed = value.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (c == ' ' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == ' ')) {
                return WHITESPACE.matcher(trimmed).replaceAll(" ");
            }
        }
        return trimmed;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            }
        }
        return false;
    }
}

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
    public void check(CebMessage message, List<Finding> findings) {
        NodeWalker.walk(message, (node, path) -> {
            for (FieldDef field : node.def().fields()) {
                check(node, field, path, findings);
            }
        });
    }

    private void check(Node node, FieldDef f, String nodePath, List<Finding> findings) {
        String value = node.get(f.name());
        if (value == null) {
            String path = NodeWalker.fieldPath(nodePath, f.name());
            if (f.required()) {
                findings.add(FindingCode.REQUIRED.at(path, f.name(), f.zh()));
            } else if (f.pdfRequired()) {
                findings.add(FindingCode.SPEC_REQUIRED.at(path, f.name(), f.zh()));
            }
            return;
        }
        if (hasControlCharacter(value)) {
            findings.add(FindingCode.INVALID_CHARACTER.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh()));
            return;
        }
        String text = f.type() == FieldType.STRING && !f.collapse() ? value : collapse(value);
        if (text.isEmpty()) {
            if (f.required()) {
                findings.add(FindingCode.EMPTY.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh()));
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
            findings.add(FindingCode.TOO_LONG.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), length, f.maxLength()));
            return;
        }
        if (length < f.minLength()) {
            findings.add(FindingCode.TOO_SHORT.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), length, f.minLength()));
            return;
        }
        if (f.fixed() != null && !f.fixed().equals(text)) {
            findings.add(FindingCode.FIXED_VALUE.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), text, f.fixed()));
            return;
        }
        if (!f.collapse() && !raw.equals(raw.strip())) {
            findings.add(FindingCode.SURROUNDING_SPACE.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh()));
        }
        String timeFormat = TIME_FIELDS.get(f.name());
        if (timeFormat != null && !validTime(text, timeFormat)) {
            findings.add(FindingCode.BAD_DATETIME.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), text, timeFormat));
            return;
        }
        if ("guid".equals(f.name()) && !OccursRules.isUpperCaseGuid(text)) {
            findings.add(FindingCode.GUID_FORMAT.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), text));
        }
        PdfFormat pdf = f.pdfFormat();
        if (pdf != null && !pdf.numeric() && (length < pdf.minLength() || length > pdf.maxLength())) {
            findings.add(FindingCode.SPEC_FORMAT.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), text, pdf.text()));
        }
    }

    private void decimal(FieldDef f, String text, String nodePath, List<Finding> findings) {
        if (!DECIMAL.matcher(text).matches() || !digitsFit(text, f.totalDigits(), f.fractionDigits())) {
            findings.add(FindingCode.NOT_DECIMAL.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), text, f.totalDigits(), f.fractionDigits()));
        } else if (text.startsWith("-") && !isZero(text)) {
            findings.add(FindingCode.NEGATIVE_AMOUNT.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), text));
        }
    }

    private void integer(FieldDef f, String text, String nodePath, List<Finding> findings) {
        if (!INTEGER.matcher(text).matches() || !digitsFit(text, f.totalDigits(), 0)) {
            findings.add(FindingCode.NOT_INTEGER.at(NodeWalker.fieldPath(nodePath, f.name()), f.name(), f.zh(), text, f.totalDigits()));
        }
    }

    /** XSD totalDigits/fractionDigits: leading zeros of the integer part and trailing zeros of the fraction do not count. */
    static boolean digitsFit(String text, int totalDigits, int fractionDigits) {
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        int dot = unsigned.indexOf('.');
        String intPart = (dot < 0 ? unsigned : unsigned.substring(0, dot)).replaceFirst("^0+", "");
        String fracPart = dot < 0 ? "" : unsigned.substring(dot + 1).replaceFirst("0+$", "");
        if (fracPart.length() > fractionDigits) {
            return false;
        }
        return totalDigits == 0 || intPart.length() + fracPart.length() <= totalDigits;
    }

    private static boolean isZero(String text) {
        return text.replaceAll("[-+.0]", "").isEmpty();
    }

    private static boolean validTime(String text, String format) {
        if (text.length() != format.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
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

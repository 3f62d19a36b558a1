package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.FieldType;
import io.cebgw.core.spec.PdfFormat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Required flags, lengths, numbers, fixed values, dates and guids of every field, from the definitions. */
final class FieldRules implements RuleGroup {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final DateTimeFormatter TIME14 = strict("uuuuMMddHHmmss");
    private static final DateTimeFormatter TIME17 = strict("uuuuMMddHHmmssSSS");
    private static final DateTimeFormatter DATE8 = strict("uuuuMMdd");
    /** Fields whose text is a time; the value is the format shown to users. */
    private static final Map<String, String> TIME_FIELDS = Map.of(
            "appTime", "YYYYMMDDhhmmss", "accountingDate", "YYYYMMDDhhmmss", "leaveTime", "YYYYMMDDhhmmss",
            "startTime", "YYYYMMDDhhmmss", "endTime", "YYYYMMDDhhmmss", "ieDate", "YYYYMMDD",
            "returnTime", "YYYYMMDDhhmmssfff", "opDate", "YYYYMMDDhhmmssfff");

    @Override
    public void check(CebMessage message, List<Finding> findings) {
        NodeWalker.walk(message, (node, path) -> {
            for (FieldDef field : node.def().fields()) {
                check(node, field, NodeWalker.fieldPath(path, field.name()), findings);
            }
        });
    }

    private void check(Node node, FieldDef f, String path, List<Finding> findings) {
        String value = node.get(f.name());
        if (value == null) {
            if (f.required()) {
                findings.add(FindingCode.REQUIRED.at(path, f.name(), f.zh()));
            } else if (f.pdfRequired()) {
                findings.add(FindingCode.SPEC_REQUIRED.at(path, f.name(), f.zh()));
            }
            return;
        }
        if (CONTROL.matcher(value).find()) {
            findings.add(FindingCode.INVALID_CHARACTER.at(path, f.name(), f.zh()));
            return;
        }
        String text = f.type() == FieldType.STRING && !f.collapse() ? value : collapse(value);
        if (text.isEmpty()) {
            if (f.required()) {
                findings.add(FindingCode.EMPTY.at(path, f.name(), f.zh()));
            }
            return;
        }
        switch (f.type()) {
            case DECIMAL -> decimal(f, text, path, findings);
            case INT -> integer(f, text, path, findings);
            default -> string(f, value, text, path, findings);
        }
    }

    private void string(FieldDef f, String raw, String text, String path, List<Finding> findings) {
        int length = text.codePointCount(0, text.length());
        if (length > f.maxLength()) {
            findings.add(FindingCode.TOO_LONG.at(path, f.name(), f.zh(), length, f.maxLength()));
            return;
        }
        if (length < f.minLength()) {
            findings.add(FindingCode.TOO_SHORT.at(path, f.name(), f.zh(), length, f.minLength()));
            return;
        }
        if (f.fixed() != null && !f.fixed().equals(text)) {
            findings.add(FindingCode.FIXED_VALUE.at(path, f.name(), f.zh(), text, f.fixed()));
            return;
        }
        if (!f.collapse() && !raw.equals(raw.strip())) {
            findings.add(FindingCode.SURROUNDING_SPACE.at(path, f.name(), f.zh()));
        }
        String timeFormat = TIME_FIELDS.get(f.name());
        if (timeFormat != null && !validTime(text, timeFormat)) {
            findings.add(FindingCode.BAD_DATETIME.at(path, f.name(), f.zh(), text, timeFormat));
            return;
        }
        if ("guid".equals(f.name()) && !OccursRules.isUpperCaseGuid(text)) {
            findings.add(FindingCode.GUID_FORMAT.at(path, f.name(), f.zh(), text));
        }
        PdfFormat pdf = f.pdfFormat();
        if (pdf != null && !pdf.numeric() && (length < pdf.minLength() || length > pdf.maxLength())) {
            findings.add(FindingCode.SPEC_FORMAT.at(path, f.name(), f.zh(), text, pdf.text()));
        }
    }

    private void decimal(FieldDef f, String text, String path, List<Finding> findings) {
        if (!DECIMAL.matcher(text).matches() || !digitsFit(text, f.totalDigits(), f.fractionDigits())) {
            findings.add(FindingCode.NOT_DECIMAL.at(path, f.name(), f.zh(), text, f.totalDigits(), f.fractionDigits()));
        } else if (text.startsWith("-") && !isZero(text)) {
            findings.add(FindingCode.NEGATIVE_AMOUNT.at(path, f.name(), f.zh(), text));
        }
    }

    private void integer(FieldDef f, String text, String path, List<Finding> findings) {
        if (!INTEGER.matcher(text).matches() || !digitsFit(text, f.totalDigits(), 0)) {
            findings.add(FindingCode.NOT_INTEGER.at(path, f.name(), f.zh(), text, f.totalDigits()));
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
        try {
            switch (format.length()) {
                case 8 -> LocalDate.parse(text, DATE8);
                case 14 -> LocalDateTime.parse(text, TIME14);
                default -> LocalDateTime.parse(text, TIME17);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    static String collapse(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}

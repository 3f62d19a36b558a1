package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Single-field rules the spec states in words but the XSD does not check (MESSAGES.md §3, §4.1): the commodity code
 * is 10 digits, a package count is at least 1, a list number has its structure (a warning: the official samples use
 * placeholders) and, in an export message, the export flag E.
 */
final class SpecFieldRules implements RuleGroup {
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    /** 4-digit customs area, 4-digit year, I or E, 9–11 digit serial. */
    private static final Pattern INVT_NO = Pattern.compile("\\d{4}\\d{4}[IE]\\d{9,11}");
    /** Position 9 of a list number: I import, E export (4-digit customs area, 4-digit year, flag, serial). */
    private static final int FLAG_INDEX = 8;

    @Override
    public void node(CebMessage message, Node node, String path, List<Finding> findings) {
        for (FieldDef def : node.def().fields()) {
            String value = node.get(def.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            String text = value.strip();
            String at = NodeWalker.fieldPath(path, def.name());
            switch (def.name()) {
                case "gcode" -> {
                    if (!TEN_DIGITS.matcher(text).matches()) {
                        findings.add(FindingCode.GCODE_DIGITS.at(at, def.name(), def.zh(), text));
                    }
                }
                case "packNo" -> {
                    if (!atLeastOne(text)) {
                        findings.add(FindingCode.PACK_NO_POSITIVE.at(at, def.name(), def.zh(), text));
                    }
                }
                case "invtNo" -> {
                    if (!INVT_NO.matcher(text).matches()) {
                        findings.add(FindingCode.INVT_NO_FORMAT.at(at, def.name(), text));
                    }
                    if (text.length() > FLAG_INDEX && text.charAt(FLAG_INDEX) == 'I') {
                        findings.add(FindingCode.INVT_NO_IMPORT_FLAG.at(at, def.name(), text));
                    }
                }
                default -> {
                    // the other fields have no rule of this group
                }
            }
        }
    }

    /** A whole number of packages from 1 up; what is not a number at all is the field rules' finding. */
    private static boolean atLeastOne(String text) {
        try {
            return new BigDecimal(text).compareTo(BigDecimal.ONE) >= 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}

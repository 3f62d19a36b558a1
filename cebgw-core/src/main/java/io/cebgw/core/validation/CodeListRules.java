package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.finding.Severity;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.codes.CodeEntry;
import io.cebgw.core.codes.CodeList;
import io.cebgw.core.codes.CodeTables;
import io.cebgw.core.codes.FieldCodeLists;
import io.cebgw.core.codes.SpecCodeLists;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.FieldDef;
import io.cebgw.core.spec.MessageType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Values of coded fields must be codes of the spec's own lists or of the national code tables. */
final class CodeListRules implements RuleGroup {
    private final FieldCodeLists fixed;

    /** With these tables. */
    CodeListRules(CodeTables tables) {
        this.fixed = FieldCodeLists.of(tables);
    }

    /** With the tables in use at each check ({@link CodeTables#standard()}: an operator's file configured at start counts). */
    CodeListRules() {
        this.fixed = null;
    }

    private FieldCodeLists lists() {
        return fixed != null ? fixed : FieldCodeLists.standard();
    }

    @Override
    public void node(CebMessage message, Node node, String path, List<Finding> findings) {
        for (FieldDef def : node.def().fields()) {
            String field = def.name();
            CodeList list = listFor(message.type(), node, field);
            String value = list == null ? null : node.get(field);
            if (value != null && !value.isBlank()) {
                check(list, def.zh(), field, value.strip(), path, message.type().isDeclaration(), findings);
            }
        }
    }

    private CodeList listFor(MessageType type, Node node, String field) {
        return lists().forField(type, node.name(), field).orElse(null);
    }

    /**
     * A declaration with an unknown code is an error; a receipt or result from customs is read leniently, since
     * rejecting what customs sent helps nobody: an unknown code there is a warning.
     */
    private static void check(CodeList list, String zh, String field, String value, String nodePath, boolean declaration,
                              List<Finding> findings) {
        Optional<CodeEntry> entry = list.lookup(value);
        if (entry.isPresent() && entry.get().current()) {
            return;
        }
        String path = NodeWalker.fieldPath(nodePath, field);
        Localized title = new Localized(list.titleZh(), list.titleEn());
        if ("returnStatus".equals(field)) {
            if (entry.isEmpty() && !isNegativeNumber(value)) {
                findings.add(FindingCode.CODE_UNKNOWN.at(Severity.WARNING, path, field, zh, value, title));
            }
        } else if (entry.isPresent()) {
            findings.add(FindingCode.CODE_NOT_CURRENT.at(path, field, zh, value, title, entry.get().status()));
        } else if (!list.complete()) {
            findings.add(FindingCode.CODE_NOT_IN_PARTIAL_TABLE.at(path, field, zh, value, title));
        } else {
            findings.add(FindingCode.CODE_UNKNOWN.at(declaration ? Severity.ERROR : Severity.WARNING, path, field, zh, value, title));
        }
    }

    /** Receipts with a status below zero are error receipts; any such number is valid. */
    private static boolean isNegativeNumber(String value) {
        return value.startsWith("-") && Amounts.digitsOnly(value, 1);
    }
}

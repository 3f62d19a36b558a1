package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.codes.CodeTables;
import io.cebgw.core.model.CebMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a message with every rule group and, when configured, against the official XSD. All findings are
 * returned at once.
 */
public final class MessageValidator {
    private final List<RuleGroup> groups;
    private final XsdCheck xsd;

    public MessageValidator(CodeTables tables, XsdCheck xsd) {
        this(new CodeListRules(tables), xsd);
    }

    /** With the code tables in use (the shipped ones and an operator's file, {@link CodeTables#standard()}). */
    public MessageValidator(XsdCheck xsd) {
        this(new CodeListRules(), xsd);
    }

    /** The standard validator: the code tables in use, no XSD check. */
    public MessageValidator() {
        this(new CodeListRules(), null);
    }

    private MessageValidator(CodeListRules codes, XsdCheck xsd) {
        this.groups = List.of(new OccursRules(), new FieldRules(), codes, new ItemRules(),
                new HeadRules(), new B2bRules(), new SpecFieldRules(), new ListedDocumentRules(), new ListDeclarationRules());
        this.xsd = xsd;
    }

    /** Validates what the reader made of a document: its structural findings, the rules and (if set) the XSD. */
    public ValidationReport validate(ReadResult read) {
        List<Finding> findings = new ArrayList<>(read.findings());
        findings.addAll(rules(read.message()));
        if (xsd != null) {
            findings.addAll(xsd.check(read.businessXml(), XsdCheck.schemaFor(read.message().type())));
        }
        return ValidationReport.of(findings);
    }

    /** Validates a message built in memory (the XSD check, if set, runs on the written XML). */
    public ValidationReport validate(CebMessage message) {
        List<Finding> findings = rules(message);
        if (xsd != null) {
            findings.addAll(xsd.check(new CebWriter().write(message), XsdCheck.schemaFor(message.type())));
        }
        return ValidationReport.of(findings);
    }

    /** One walk of the tree for all groups, then each group's message-level checks. */
    private List<Finding> rules(CebMessage message) {
        List<Finding> findings = new ArrayList<>();
        NodeWalker.walk(message, (node, path) -> {
            for (RuleGroup group : groups) {
                group.node(message, node, path, findings);
            }
        });
        for (RuleGroup group : groups) {
            group.message(message, findings);
        }
        return findings;
    }
}

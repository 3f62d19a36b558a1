package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** All findings for one message (or one set of documents), errors first. */
public record ValidationReport(List<Finding> findings) {

    public ValidationReport {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::severity));
        findings = List.copyOf(sorted);
    }

    public static ValidationReport of(List<Finding> findings) {
        return new ValidationReport(findings);
    }

    public boolean valid() {
        return errors().isEmpty();
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasCode(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    public ValidationReport plus(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new ValidationReport(all);
    }
}

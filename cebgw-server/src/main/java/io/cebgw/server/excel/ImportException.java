package io.cebgw.server.excel;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.problem.Problem;

import java.util.Locale;

/** An import that cannot go on at all (not an Excel file, wrong sheet), with its problem in both languages. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ImportException(Problem problem) {
        super(problem.en(), null, false, false);
        this.problem = problem;
    }

    static ImportException unreadable(String zh, String en) {
        return new ImportException(GatewayProblem.IMPORT_UNREADABLE.with(new Localized(zh, en)));
    }

    public Problem problem() {
        return problem;
    }

    public String code() {
        return problem.code().code();
    }

    public String describe(Locale locale) {
        return problem.describe(locale);
    }
}

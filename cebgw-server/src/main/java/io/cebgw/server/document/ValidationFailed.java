package io.cebgw.server.document;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.problem.Problem;
import io.cebgw.core.problem.ProblemCode;

import java.util.List;

/**
 * A request the gateway refuses as asked: its {@link Problem} (code, both languages; the HTTP status comes from the
 * code's registry entry, never from the thrower) and the document's findings where there are some.
 */
public final class ValidationFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final transient List<Finding> findings;

    public ValidationFailed(Problem problem, List<Finding> findings) {
        super(problem.en(), null, false, false);
        this.problem = problem;
        this.findings = List.copyOf(findings);
    }

    public ValidationFailed(Problem problem) {
        this(problem, List.of());
    }

    /** The problem {@code code} with its arguments. */
    public static ValidationFailed of(ProblemCode code, Object... args) {
        return new ValidationFailed(code.with(args));
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.code().httpStatus();
    }

    public String code() {
        return problem.code().code();
    }

    public String zh() {
        return problem.zh();
    }

    public List<Finding> findings() {
        return findings;
    }
}

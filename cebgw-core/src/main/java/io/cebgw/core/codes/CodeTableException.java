package io.cebgw.core.codes;

import io.cebgw.core.problem.Problem;

/** A code-table file of the user's that cannot be used, with its problem (code, zh and en). */
public final class CodeTableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public CodeTableException(Problem problem) {
        super(problem.en(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

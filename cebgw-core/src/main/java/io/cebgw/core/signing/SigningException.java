package io.cebgw.core.signing;

import io.cebgw.core.problem.Problem;
import io.cebgw.core.problem.ProblemCode;

import java.util.Locale;

/** A message could not be signed, or a key source not opened; its {@link Problem} has a stable code and both languages. */
public class SigningException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public SigningException(Problem problem) {
        this(problem, null);
    }

    public SigningException(Problem problem, Throwable cause) {
        super(problem.code().code() + " " + problem.en(), cause);
        this.problem = problem;
    }

    /** The problem {@code code} with its arguments. */
    public static SigningException of(ProblemCode code, Object... args) {
        return new SigningException(code.with(args));
    }

    public Problem problem() {
        return problem;
    }

    public String code() {
        return problem.code().code();
    }

    /** One line with the code, in the locale's language (Chinese unless English is asked for). */
    public String describe(Locale locale) {
        return problem.describe(locale);
    }
}

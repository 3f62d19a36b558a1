package io.cebgw.core.transport;

import io.cebgw.core.problem.Problem;
import io.cebgw.core.problem.TransportProblem;

import java.util.Locale;

/**
 * A transport could not send or receive, or is configured wrongly. Its {@link Problem} says what happened in both
 * languages and whether trying again can help ({@link #transientFailure()}): a peer that is down is worth a retry, a
 * refused password, an unknown queue or a message the peer will never take are not.
 */
public final class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public TransportException(Problem problem, Throwable cause) {
        super(problem.en(), cause);
        this.problem = problem;
    }

    public TransportException(Problem problem) {
        this(problem, null);
    }

    /** A transient failure (peer down, disk full, broker busy): worth retrying later. */
    public TransportException(String message, Throwable cause) {
        this(TransportProblem.TRANSIENT.with(message), cause);
    }

    /** A transient failure: worth retrying later. */
    public TransportException(String message) {
        this(message, (Throwable) null);
    }

    public Problem problem() {
        return problem;
    }

    public String code() {
        return problem.code().code();
    }

    /** Whether a later attempt may succeed (false for configuration mistakes and permanent refusals). */
    public boolean transientFailure() {
        return problem.code().retryable();
    }

    /** {@code CODE message} in the reader's language. */
    public String describe(Locale locale) {
        return problem.describe(locale);
    }
}

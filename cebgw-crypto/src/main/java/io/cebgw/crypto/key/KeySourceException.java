package io.cebgw.crypto.key;

import io.cebgw.core.problem.Problem;
import io.cebgw.core.signing.SigningException;

/** A key source could not be opened: missing file, wrong password, no key in the store, unreachable device. */
public final class KeySourceException extends SigningException {
    private static final long serialVersionUID = 1L;

    public KeySourceException(Problem problem) {
        super(problem);
    }

    public KeySourceException(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}

package io.cebgw.crypto.key;

import io.cebgw.core.signing.SigningException;

/** A key source could not be opened: missing file, wrong password, no key in the store, unreachable device. */
public final class KeySourceException extends SigningException {
    private static final long serialVersionUID = 1L;

    public KeySourceException(String code, String zh, String en) {
        super(code, zh, en);
    }

    public KeySourceException(String code, String zh, String en, Throwable cause) {
        super(code, zh, en, cause);
    }
}

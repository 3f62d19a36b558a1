package io.cebgw.core.transport;

import java.util.Locale;

/**
 * A transport could not send or receive (peer down, disk full, broker refused); worth retrying later. Configuration
 * mistakes carry a code ({@code CEB-T…}) and a Chinese and an English message, and are not worth retrying.
 */
public final class TransportException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Code of a transient failure (no specific code). */
    public static final String TRANSIENT = "CEB-T000";

    private final String code;
    private final String zh;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
        this.code = TRANSIENT;
        this.zh = message;
    }

    public TransportException(String message) {
        this(message, (Throwable) null);
    }

    /** A configuration mistake, with its code and both languages. */
    public TransportException(String code, String zh, String en) {
        super(en);
        this.code = code;
        this.zh = zh;
    }

    public String code() {
        return code;
    }

    /** Whether a later attempt may succeed (false for configuration mistakes). */
    public boolean transientFailure() {
        return TRANSIENT.equals(code);
    }

    /** {@code CODE message} in the reader's language. */
    public String describe(Locale locale) {
        return code + " " + (Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : getMessage());
    }
}

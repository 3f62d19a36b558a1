package io.cebgw.core.signing;

import java.util.Locale;

/** A message could not be signed; {@link #code()} is stable, the message exists in Chinese and English. */
public class SigningException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String zh;
    private final String en;

    public SigningException(String code, String zh, String en) {
        this(code, zh, en, null);
    }

    public SigningException(String code, String zh, String en, Throwable cause) {
        super(code + " " + en, cause);
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    /** One line with the code, in the locale's language (Chinese unless English is asked for). */
    public String describe(Locale locale) {
        return code + " " + ("en".equals(locale.getLanguage()) ? en : zh);
    }
}

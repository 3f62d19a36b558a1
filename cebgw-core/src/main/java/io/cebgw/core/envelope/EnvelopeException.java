package io.cebgw.core.envelope;

import java.util.Locale;

/** An envelope field that breaks the DXP schema (length, count). */
public final class EnvelopeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String zh;
    private final String en;

    public EnvelopeException(String field, String zh, String en) {
        super(field + ": " + en);
        this.field = field;
        this.zh = zh;
        this.en = en;
    }

    public String field() {
        return field;
    }

    public String describe(Locale locale) {
        return field + ": " + ("en".equals(locale.getLanguage()) ? en : zh);
    }
}

package io.cebgw.server.excel;

import java.util.Locale;

/** An import that cannot go on at all (not an Excel file, wrong sheet), with its code and both languages. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String zh;

    ImportException(String code, String zh, String en) {
        super(en, null, false, false);
        this.code = code;
        this.zh = zh;
    }

    static ImportException unreadable(String zh, String en) {
        return new ImportException("GW-X001", zh, en);
    }

    public String code() {
        return code;
    }

    public String describe(Locale locale) {
        return code + " " + ("en".equals(locale.getLanguage()) ? getMessage() : zh);
    }
}

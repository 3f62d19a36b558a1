package io.cebgw.core.xml;

import java.util.Locale;

/** A document that cannot be read at all: malformed, unsafe, too large, wrongly encoded or of an unknown kind. */
public final class CebReadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ReadError error;
    private final String detail;
    private final int line;

    public CebReadException(ReadError error, String detail, int line) {
        super(error.code() + " " + error.en(detail) + (line > 0 ? " (line " + line + ")" : ""));
        this.error = error;
        this.detail = detail;
        this.line = line;
    }

    public CebReadException(ReadError error, String detail) {
        this(error, detail, -1);
    }

    public ReadError error() {
        return error;
    }

    /** Line number in the document, or -1 when not known. */
    public int line() {
        return line;
    }

    /** One line for a person, in zh-CN or en. */
    public String describe(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String text = en ? error.en(detail) : error.zh(detail);
        String where = line > 0 ? (en ? " (line " + line + ")" : "（第 " + line + " 行）") : "";
        return error.code() + " " + text + where;
    }
}

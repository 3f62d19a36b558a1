package io.cebgw.core.xml;

import io.cebgw.core.problem.Problem;

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
        return problem().describe(locale);
    }

    /** The problem in both languages, with the line where it is known. */
    public Problem problem() {
        return new Problem(error, error.zh(detail) + (line > 0 ? "（第 " + line + " 行）" : ""),
                error.en(detail) + (line > 0 ? " (line " + line + ")" : ""));
    }
}

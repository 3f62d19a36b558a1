package io.cebgw.core.problem;

import java.util.Locale;
import java.util.Objects;

/** One occurrence of a problem: its code and the message in both languages, arguments filled in. */
public record Problem(ProblemCode code, String zh, String en) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The message in the reader's language. */
    public String message(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : zh;
    }

    /** {@code CODE message} in the reader's language. */
    public String describe(Locale locale) {
        return code.code() + " " + message(locale);
    }

    @Override
    public String toString() {
        return describe(Locale.ENGLISH);
    }
}

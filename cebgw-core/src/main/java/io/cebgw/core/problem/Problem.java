package io.cebgw.core.problem;

import io.cebgw.core.finding.Localized;

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
        return new Localized(zh, en).in(locale);
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

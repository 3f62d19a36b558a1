package io.cebgw.cli;

import java.util.Locale;

/** The language of user-facing output: Chinese unless English is asked for ({@code --lang en} or CEBGW_LANG=en). */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** Picks zh or en text. */
    public String pick(String zh, String en) {
        return this == EN ? en : zh;
    }

    static Language fromEnvironment() {
        String env = System.getenv("CEBGW_LANG");
        return env != null && env.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }
}

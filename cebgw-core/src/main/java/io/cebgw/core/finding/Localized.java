package io.cebgw.core.finding;

/** A message argument that reads differently in Chinese and English (e.g. a code table's title). */
public record Localized(String zh, String en) {
    /** The text in the reader's language: Chinese unless English is asked for. */
    public String in(java.util.Locale locale) {
        return java.util.Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : zh;
    }
}

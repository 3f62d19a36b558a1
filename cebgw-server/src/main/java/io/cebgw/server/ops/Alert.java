package io.cebgw.server.ops;

/**
 * Something an operator must hear about: its key (what it is about, e.g. {@code dead-letter:DXPENT…}; one alert per
 * key), the enterprise it concerns (its DXPID, whose own channels get it too; null for the gateway as a whole), its text
 * in Chinese and English, and whether it is firing or has ended.
 */
public record Alert(String key, String enterprise, String zh, String en, boolean resolved) {
    /** The message as the robots show it: a title line, the Chinese and the English text. */
    public String text() {
        return title() + "\n" + zh + "\n" + en;
    }

    /** The title line (also an e-mail's subject, with the first words of the text). */
    public String title() {
        return resolved ? "【已恢复 / resolved】" : "【CEB 网关告警 / alert】";
    }
}

package io.cebgw.server.ops;

/**
 * Something an operator must hear about: its key (what it is about, e.g. {@code dead-letter:DXPENT…}; one alert per
 * key), its text in Chinese and English, and whether it is firing or has ended.
 */
public record Alert(String key, String zh, String en, boolean resolved) {
    public Alert resolvedNow() {
        return new Alert(key, zh, en, true);
    }

    /** The message as the robots show it: a title line, the Chinese and the English text. */
    public String text() {
        return (resolved ? "【已恢复 / resolved】" : "【CEB 网关告警 / alert】") + "\n" + zh + "\n" + en;
    }
}

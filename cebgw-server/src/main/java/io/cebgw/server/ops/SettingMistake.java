package io.cebgw.server.ops;

/** A setting the gateway cannot start with, named with what is wrong with it (told in one line at start-up). */
public final class SettingMistake extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    /** The setting (with its value where that helps) and what is wrong with it, in Chinese and English. */
    public SettingMistake(String setting, String zh, String en) {
        super(setting + "：" + zh + " / " + en);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}

package io.cebgw.server.ops;

/** A setting the gateway cannot start with, named with what is wrong with it (told in one line at start-up). */
public final class SettingMistake extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public SettingMistake(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}

package io.cebgw.core.finding;

/** How bad a finding is. Only errors make a message invalid. */
public enum Severity {
    /** Customs would reject the message (it breaks the XSD, a spec code list or a spec rule). */
    ERROR("错误", "error"),
    /** Probably wrong, or stricter spec wording that the XSD does not enforce; worth a look. */
    WARNING("警告", "warning"),
    /** For information only. */
    INFO("提示", "info");

    private final String zh;
    private final String en;

    Severity(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}

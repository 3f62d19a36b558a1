package io.cebgw.sandbox;

/** Receipt statuses (回执状态) the sandbox sends, with the returnInfo text it uses. */
public enum Status {
    STORED("1", "电子口岸已暂存"),
    DECLARING("2", "新增申报成功"),
    REJECTED("100", "海关退单"),
    ACCEPTED("120", "[Code:1800;Desc:逻辑校验通过]"),
    MANUAL_REVIEW("300", "人工审核"),
    CONCLUDED("399", "[Code:2300;Desc:审核通过]"),
    INSPECTION("500", "海关查验"),
    RELEASED("800", "[Code:2600;Desc:放行]"),
    CLOSED("899", "结关");

    private final String code;
    private final String info;

    Status(String code, String info) {
        this.code = code;
        this.info = info;
    }

    public String code() {
        return code;
    }

    public String info() {
        return info;
    }
}

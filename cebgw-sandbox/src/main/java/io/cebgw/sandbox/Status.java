package io.cebgw.sandbox;

import io.cebgw.core.lifecycle.ReturnStatus;

/** Receipt statuses (回执状态) the sandbox sends, with the returnInfo text it uses; codes and names are core's. */
public enum Status {
    STORED(ReturnStatus.STORED, "电子口岸已暂存"),
    DECLARING(ReturnStatus.DECLARING, "新增申报成功"),
    REJECTED(ReturnStatus.REJECTED, "海关退单"),
    ACCEPTED(ReturnStatus.ENTERED, "[Code:1800;Desc:逻辑校验通过]"),
    MANUAL_REVIEW(ReturnStatus.MANUAL_REVIEW, "人工审核"),
    CONCLUDED(ReturnStatus.CONCLUDED, "[Code:2300;Desc:审核通过]"),
    INSPECTION(ReturnStatus.INSPECTION, "海关查验"),
    RELEASED(ReturnStatus.RELEASED, "[Code:2600;Desc:放行]"),
    CLOSED(ReturnStatus.CLEARED, "结关");

    private final ReturnStatus status;
    private final String info;

    Status(ReturnStatus status, String info) {
        this.status = status;
        this.info = info;
    }

    public String code() {
        return status.code();
    }

    /** The status as the lifecycle types know it. */
    public ReturnStatus status() {
        return status;
    }

    public String info() {
        return info;
    }
}

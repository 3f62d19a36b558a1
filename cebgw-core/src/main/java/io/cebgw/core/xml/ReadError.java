package io.cebgw.core.xml;

import io.cebgw.core.problem.ProblemCode;
import io.cebgw.core.problem.ProblemSpec;

/** Why a document could not be read at all. Each is reported on one line, never as a stack trace. */
public enum ReadError implements ProblemCode {
    EMPTY("CEB-I001", "文件为空", "the file is empty"),
    TOO_LARGE("CEB-I002", "文件过大（上限 %s 字节）", "the file is too large (limit %s bytes)"),
    NOT_WELL_FORMED("CEB-I003", "XML 格式错误：%s", "malformed XML: %s"),
    DTD_FORBIDDEN("CEB-I004", "不允许 DOCTYPE/DTD（可能是 XXE 或实体膨胀攻击）", "DOCTYPE/DTD is not allowed (possible XXE or entity-expansion attack)"),
    ENCODING("CEB-I005", "编码错误：报文必须是 UTF-8（%s）", "wrong encoding: messages must be UTF-8 (%s)"),
    UNKNOWN_ROOT("CEB-I006", "未知的根元素 %s（不是 CEB 出口报文、CEB900、DxpMsg 或 DxpMsgSv）", "unknown root element %s (not a CEB export message, CEB900, DxpMsg or DxpMsgSv)"),
    TOO_DEEP("CEB-I007", "元素嵌套过深（上限 %s 层）", "elements are nested too deeply (limit %s levels)"),
    BAD_BASE64("CEB-I008", "DxpMsg 的 Data 不是有效的 Base64：%s", "DxpMsg Data is not valid base64: %s"),
    BAD_ENVELOPE("CEB-I009", "DXP 报文头错误：%s", "malformed DXP envelope: %s"),
    IO("CEB-I010", "读取失败：%s", "cannot read the input: %s"),
    NO_BUSINESS_MESSAGE("CEB-I011", "%s 不包含业务报文", "%s carries no business message");

    private final ProblemSpec spec;

    /** 413 for a document over the size limit, 400 for any other that cannot be read; the same bytes give the same answer. */
    ReadError(String code, String zh, String en) {
        this.spec = new ProblemSpec(code, "CEB-I002".equals(code) ? 413 : 400, false, zh, en);
    }

    @Override
    public ProblemSpec spec() {
        return spec;
    }

    public String zh(String detail) {
        return String.format(spec.zh(), detail);
    }

    public String en(String detail) {
        return String.format(spec.en(), detail);
    }
}

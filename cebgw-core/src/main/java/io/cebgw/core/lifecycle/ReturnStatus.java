package io.cebgw.core.lifecycle;

import io.cebgw.core.finding.Localized;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A document status as customs (and the exchange) report it, with its Chinese and English name and what it means.
 * {@link #code()} is the form the gateway stores and shows: customs' own {@code returnStatus} ({@code 120},
 * {@code -301010}), {@code E} + the DxpRep code for an exchange error ({@code E0001}), {@code 900} for a CEB900
 * format-check receipt. {@link #of(String)} is the one place that reads that form.
 *
 * <p>Customs codes and names: SPEC22 receipt tables and MESSAGES.md §4.2; exchange codes: SPEC22 table 7-1.
 */
public record ReturnStatus(String code, StatusSource source, String zh, String en, Meaning meaning) {
    private static final Map<String, ReturnStatus> KNOWN = new LinkedHashMap<>();

    public static final ReturnStatus STORED = customs("1", "电子口岸已暂存", "Saved at E-Port", Meaning.IN_PROGRESS);
    public static final ReturnStatus DECLARING = customs("2", "电子口岸申报中", "Submitted to E-Port", Meaning.IN_PROGRESS);
    public static final ReturnStatus SENT_TO_CUSTOMS = customs("3", "发送海关成功", "Sent to customs", Meaning.IN_PROGRESS);
    public static final ReturnStatus SEND_TO_CUSTOMS_FAILED = customs("4", "发送海关失败", "Sending to customs failed", Meaning.SETBACK);
    public static final ReturnStatus REJECTED = customs("100", "海关退单", "Rejected by customs", Meaning.FINAL_BAD);
    public static final ReturnStatus ENTERED = customs("120", "海关入库", "Accepted by customs", Meaning.ACCEPTED);
    public static final ReturnStatus MANUAL_REVIEW = customs("300", "人工审核", "Manual review", Meaning.IN_PROGRESS);
    public static final ReturnStatus CONCLUDED = customs("399", "海关审结", "Concluded", Meaning.ACCEPTED);
    public static final ReturnStatus INSPECTION = customs("500", "海关查验", "Inspection", Meaning.IN_PROGRESS);
    public static final ReturnStatus DETAINED_CLEARANCE = customs("501", "扣留移送通关", "Detained, passed to clearance", Meaning.SETBACK);
    public static final ReturnStatus DETAINED_ANTI_SMUGGLING = customs("502", "扣留移送缉私", "Detained, passed to anti-smuggling",
            Meaning.SETBACK);
    public static final ReturnStatus DETAINED_LEGAL = customs("503", "扣留移送法规", "Detained, passed to the legal department", Meaning.SETBACK);
    public static final ReturnStatus HANDED_OVER = customs("505", "移交", "Handed over", Meaning.IN_PROGRESS);
    public static final ReturnStatus DETAINED_OTHER = customs("599", "其它扣留", "Detained (other)", Meaning.SETBACK);
    public static final ReturnStatus SUSPENDED = customs("600", "挂起", "Suspended", Meaning.IN_PROGRESS);
    public static final ReturnStatus RETURNED = customs("700", "退运", "Returned", Meaning.SETBACK);
    public static final ReturnStatus RELEASED = customs("800", "放行", "Released", Meaning.ACCEPTED);
    public static final ReturnStatus CLEARED = customs("899", "结关", "Cleared", Meaning.FINAL_GOOD);
    /** A CEB900 format-check receipt: customs could not read the message. */
    public static final ReturnStatus FORMAT_ERROR = register(new ReturnStatus("900", StatusSource.FORMAT_CHECK, "报文格式错误",
            "Format error", Meaning.PROCESSING_ERROR));

    /** The {@code returnStatus} of a CEB900 receipt: the message failed the format check (any negative code means that). */
    public static final ReturnStatus FORMAT_CHECK_FAILED = customs("-1", "格式校验异常", "Format check failed", Meaning.PROCESSING_ERROR);

    /** The customs statuses in the order a document passes them (a later one implies the earlier ones were reached). */
    private static final List<ReturnStatus> ORDER = List.of(STORED, DECLARING, SENT_TO_CUSTOMS, SEND_TO_CUSTOMS_FAILED, ENTERED, MANUAL_REVIEW,
            CONCLUDED, INSPECTION, HANDED_OVER, SUSPENDED, RELEASED, CLEARED);

    /** SPEC22 table 7-1: the DxpRep response codes. */
    private static final Map<String, String[]> EXCHANGE_NAMES = Map.ofEntries(
            Map.entry("0001", new String[] {"报文格式错误", "malformed message"}),
            Map.entry("0002", new String[] {"数据包不能通过 schema 验证", "the package fails schema validation"}),
            Map.entry("0999", new String[] {"其他格式错误", "other format error"}),
            Map.entry("1001", new String[] {"数字签名无效", "invalid digital signature"}),
            Map.entry("1002", new String[] {"数字签名过期", "expired digital signature"}),
            Map.entry("1003", new String[] {"报文解密错误", "the message could not be decrypted"}),
            Map.entry("1004", new String[] {"签名与数据不符", "the signature does not match the data"}),
            Map.entry("1999", new String[] {"其他安全错误", "other security error"}),
            Map.entry("2001", new String[] {"指定的接收方不存在", "the receiver does not exist"}),
            Map.entry("2002", new String[] {"地址不匹配", "address mismatch"}),
            Map.entry("2999", new String[] {"其他业务逻辑错误", "other business logic error"}),
            Map.entry("3001", new String[] {"数据库/中间件系统错误", "database or middleware error"}),
            Map.entry("3002", new String[] {"远程连接错误", "remote connection error"}),
            Map.entry("3003", new String[] {"远程连接超时", "remote connection timeout"}),
            Map.entry("3999", new String[] {"其他系统级错误", "other system error"}));

    /** Processing-error codes customs documents (SPEC22 table 7-2) and ones seen in real receipts. */
    private static final Map<String, String[]> ERROR_NAMES = Map.ofEntries(
            Map.entry("-301009", new String[] {"未找到要修改或删除的订单", "no such order to change or delete"}),
            Map.entry("-301010", new String[] {"已存在相同编号的订单", "an order with the same number exists"}),
            Map.entry("-301011", new String[] {"该订单已向海关申报清单，状态不符", "a list was already declared for this order"}),
            Map.entry("-301014", new String[] {"接收报文为旧报文数据", "the message is older than the data held"}),
            Map.entry("-304001", new String[] {"业务主键重复入库失败", "duplicate business key"}),
            Map.entry("-504014", new String[] {"未找到要修改或删除的运单", "no such waybill to change or delete"}),
            Map.entry("-504015", new String[] {"已存在相同编号的运单", "a waybill with the same number exists"}),
            Map.entry("-504016", new String[] {"该运单已申报，状态不符", "the waybill is already declared; its state does not allow this"}));

    public ReturnStatus {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(meaning, "meaning");
    }

    /**
     * The status stored or received as {@code code}: a known customs code, an exchange error ({@code E0001}), a
     * format-check receipt ({@code 900}), a processing error (negative), or an unknown customs code — named by its
     * number and taken as in progress, so that a new code never ends a document by surprise.
     */
    public static ReturnStatus of(String code) {
        Objects.requireNonNull(code, "code");
        String c = code.trim();
        ReturnStatus known = KNOWN.get(c);
        if (known != null) {
            return known;
        }
        if (c.startsWith("E")) {
            String[] names = EXCHANGE_NAMES.getOrDefault(c.substring(1), new String[] {"数据交换错误", "exchange error"});
            return new ReturnStatus(c, StatusSource.EXCHANGE, "交换错误：" + names[0], "Exchange error: " + names[1], Meaning.PROCESSING_ERROR);
        }
        if (c.startsWith("-")) {
            String[] names = ERROR_NAMES.getOrDefault(c, new String[] {"海关处理异常", "processing error at customs"});
            return new ReturnStatus(c, StatusSource.CUSTOMS, "处理异常：" + names[0], "Processing error: " + names[1], Meaning.PROCESSING_ERROR);
        }
        return new ReturnStatus(c, StatusSource.CUSTOMS, "回执状态 " + c, "Receipt status " + c, Meaning.IN_PROGRESS);
    }

    /** The status of a DxpRep answer with this response code. */
    public static ReturnStatus exchange(String responseCode) {
        return of("E" + Objects.requireNonNull(responseCode, "responseCode").trim());
    }

    /** Every status with a name of its own (customs' list and the format check), in the order of {@link #ORDER} first. */
    public static List<ReturnStatus> named() {
        return List.copyOf(KNOWN.values());
    }

    /** The name in the reader's language. */
    public String name(Locale locale) {
        return new Localized(zh, en).in(locale);
    }

    /** {@code 海关入库（120）} / {@code Accepted by customs (120)}: the name with the code beside it. */
    public String label(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en + " (" + code + ")" : zh + "（" + code + "）";
    }

    /**
     * Where this status stands on the way every document goes (1 → 2 → … → 899), or -1 where it has no place there
     * (errors, detentions, unknown codes).
     */
    public int rank() {
        return ORDER.indexOf(this);
    }

    private static ReturnStatus customs(String code, String zh, String en, Meaning meaning) {
        return register(new ReturnStatus(code, StatusSource.CUSTOMS, zh, en, meaning));
    }

    private static ReturnStatus register(ReturnStatus status) {
        KNOWN.put(status.code, status);
        return status;
    }
}

package io.cebgw.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every export-direction message of the CEB 202205 specification, plus CEB900. */
public enum MessageType {
    CEB303("电子订单 / B2B出口订单 / 海外仓订仓单", "order / B2B export order / overseas-warehouse booking", MessageKind.DECLARATION, "CEB304"),
    CEB304("订单回执", "order receipt", MessageKind.RECEIPT, null),
    CEB403("收款单", "collection (receipt of payment)", MessageKind.DECLARATION, "CEB404"),
    CEB404("收款单回执", "collection receipt", MessageKind.RECEIPT, null),
    CEB505("物流运单", "waybill", MessageKind.DECLARATION, "CEB506"),
    CEB506("运单回执", "waybill receipt", MessageKind.RECEIPT, null),
    CEB507("运抵单", "arrival", MessageKind.DECLARATION, "CEB508"),
    CEB508("运抵单回执", "arrival receipt", MessageKind.RECEIPT, null),
    CEB509("离境单", "departure", MessageKind.DECLARATION, "CEB510"),
    CEB510("离境单回执", "departure receipt", MessageKind.RECEIPT, null),
    CEB603("申报清单", "export declaration list", MessageKind.DECLARATION, "CEB604"),
    CEB604("清单回执", "declaration list receipt", MessageKind.RECEIPT, null),
    CEB605("撤销申请单", "list cancellation", MessageKind.DECLARATION, "CEB606"),
    CEB606("撤销申请单回执", "list cancellation receipt", MessageKind.RECEIPT, null),
    CEB607("清单总分单", "master/house bill binding (总分单)", MessageKind.DECLARATION, "CEB608"),
    CEB608("清单总分单回执", "master/house bill receipt", MessageKind.RECEIPT, null),
    CEB213("零售出口退货申请单", "retail export return request", MessageKind.DECLARATION, "CEB214"),
    CEB214("退货申请单回执", "return request receipt", MessageKind.RECEIPT, null),
    CEB215("出口退运理货明细单", "returned goods tally", MessageKind.DECLARATION, "CEB216"),
    CEB216("理货明细单回执", "returned goods tally receipt", MessageKind.RECEIPT, null),
    CEB701("汇总申请单", "summary application", MessageKind.DECLARATION, "CEB702"),
    CEB702("汇总申请单回执", "summary application receipt", MessageKind.RECEIPT, null),
    CEB792("汇总结果单", "summary result", MessageKind.RESULT, null),
    CEB900("报文格式校验回执", "format check receipt", MessageKind.FORMAT_RECEIPT, null);

    private final String zh;
    private final String en;
    private final MessageKind kind;
    private final String receiptCode;

    MessageType(String zh, String en, MessageKind kind, String receiptCode) {
        this.zh = zh;
        this.en = en;
        this.kind = kind;
        this.receiptCode = receiptCode;
    }

    /** The root element name, e.g. {@code CEB603Message}; also the DxpMsg MsgType. */
    public String rootName() {
        return name() + "Message";
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public MessageKind kind() {
        return kind;
    }

    public boolean isDeclaration() {
        return kind == MessageKind.DECLARATION;
    }

    /** The receipt customs answers this declaration with, if it is a declaration. */
    public Optional<MessageType> receipt() {
        return receiptCode == null ? Optional.empty() : Optional.of(valueOf(receiptCode));
    }

    /** Looks a type up by its root element name ({@code CEB603Message}) or its code ({@code CEB603}, {@code 603}). */
    public static Optional<MessageType> lookup(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String s = nameOrCode.trim().toUpperCase(Locale.ROOT);
        if (s.endsWith("MESSAGE")) {
            s = s.substring(0, s.length() - "MESSAGE".length());
        }
        if (!s.startsWith("CEB")) {
            s = "CEB" + s;
        }
        String code = s;
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }

    /** Looks a type up by its exact root element name, as a reader must (no case folding). */
    public static Optional<MessageType> byRootName(String rootName) {
        return Arrays.stream(values()).filter(t -> t.rootName().equals(rootName)).findFirst();
    }
}

package io.cebgw.core.spec;

/** What a message is for, which decides the blocks around its business element. */
public enum MessageKind {
    /** Sent by the enterprise: business element, BaseTransfer, BaseSubscribe, signature, ExtendMessage. */
    DECLARATION,
    /** Sent back by E-Port or customs: only the *Return elements. */
    RECEIPT,
    /** A customs-issued result (CEB792 汇总结果单). */
    RESULT,
    /** CEB900 报文格式校验回执: the answer to a message that failed the format check. */
    FORMAT_RECEIPT
}

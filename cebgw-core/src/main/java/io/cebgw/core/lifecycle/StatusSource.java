package io.cebgw.core.lifecycle;

/** Who said a status: customs in a receipt's {@code returnStatus}, the exchange in a DxpRep, or the CEB900 format check. */
public enum StatusSource {
    /** {@code returnStatus} of a receipt (CEB304 … CEB792): 2, 120, 399, 100, negative processing errors. */
    CUSTOMS,
    /** A DxpRep exchange error (SPEC22 table 7-1: 0001 报文格式错误 …); stored as {@code E} + its code. */
    EXCHANGE,
    /** A CEB900 format-check receipt; stored as {@code 900}. */
    FORMAT_CHECK
}

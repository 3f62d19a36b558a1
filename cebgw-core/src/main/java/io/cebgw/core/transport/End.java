package io.cebgw.core.transport;

/** Which end of an exchange a configured transport opens: the enterprise's (the gateway) or the data center's (the sandbox). */
public enum End {
    /** Sends declarations, receives receipts. */
    ENTERPRISE,
    /** Receives declarations, sends receipts: the customs side, played by the sandbox. */
    EXCHANGE
}

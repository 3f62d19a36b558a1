package io.cebgw.sandbox;

import io.cebgw.core.envelope.SvNo;

/**
 * Where receipts for a message go back: the sender's DXPID, and for a third-party platform's DxpMsgSv the
 * transfer nodes (swapped for the way back).
 */
record Route(String senderId, SvNo svNo) {
    boolean viaTransferNode() {
        return svNo != null;
    }
}

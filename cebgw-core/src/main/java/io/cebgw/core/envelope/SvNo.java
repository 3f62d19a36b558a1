package io.cebgw.core.envelope;

/**
 * The routing header of a transfer-node envelope.
 *
 * @param msgId    8-digit node id + yyyyMMddHHmmss + 10-digit sequence (32 characters)
 * @param subMsgId optional one-character split number, or null
 * @param sendTime when the access node sent it ({@code yyyy-MM-ddTHH:mm:ss})
 * @param endNode  destination transfer node id (≤8)
 * @param staNode  the transfer node the terminal node is attached to (≤8)
 */
public record SvNo(String msgId, String subMsgId, String sendTime, String endNode, String staNode) {
    public SvNo {
        DxpChecks.length("MsgId", msgId, 1, 32);
        if (subMsgId != null) {
            DxpChecks.length("SubMsgId", subMsgId, 1, 1);
        }
        DxpChecks.length("SendTime", sendTime, 1, 64);
        DxpChecks.length("EndNode", endNode, 1, 8);
        DxpChecks.length("StaNode", staNode, 1, 8);
    }
}

package io.cebgw.core.envelope;

import java.util.List;

/**
 * The transfer header of a DxpMsg (and the {@code OriHead} of a DxpRep).
 *
 * @param copMsgId    the sender's own unique id of this transfer (1..255)
 * @param senderId    the sender's DXP id (1..16), e.g. DXPENT0000458763
 * @param receiverIds 1 to 5 receiver DXP ids (1..16 each); export goes to DXPEDCCEB0000003
 * @param creatTime   creation time, {@code yyyy-MM-ddTHH:mm:ss} (the spec's own spelling "CreatTime")
 * @param msgType     the business message's root name, e.g. CEB603Message (≤30)
 */
public record TransInfo(String copMsgId, String senderId, List<String> receiverIds, String creatTime, String msgType) {
    public TransInfo {
        receiverIds = List.copyOf(receiverIds);
        DxpChecks.length("CopMsgId", copMsgId, 1, 255);
        DxpChecks.length("SenderId", senderId, 1, 16);
        if (receiverIds.isEmpty() || receiverIds.size() > 5) {
            throw new EnvelopeException("ReceiverId", "1 到 5 个接收方", "1 to 5 receivers");
        }
        for (String id : receiverIds) {
            DxpChecks.length("ReceiverId", id, 1, 16);
        }
        DxpChecks.length("CreatTime", creatTime, 1, 64);
        DxpChecks.length("MsgType", msgType, 0, 30);
    }
}

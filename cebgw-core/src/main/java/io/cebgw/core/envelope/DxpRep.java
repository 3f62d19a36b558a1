package io.cebgw.core.envelope;

import java.util.List;

/**
 * The exchange platform's response to an envelope it could not deliver (spec table 7-1 codes such as
 * 0001 报文格式错误, 1001 数字签名无效, 2001 指定的接收方不存在).
 *
 * @param receiverId the DXP id the response goes to (the XSD spells the element {@code RecevierId})
 * @param adNodeId   optional node id (≤8), or null
 * @param responses  one or more responses
 */
public record DxpRep(String receiverId, String adNodeId, List<Response> responses) implements Envelope {
    public static final String ROOT = "DxpRep";

    public DxpRep {
        responses = List.copyOf(responses);
        DxpChecks.length("RecevierId", receiverId, 1, 16);
        if (responses.isEmpty()) {
            throw new EnvelopeException("Response", "至少一个 Response", "at least one Response");
        }
    }

    @Override
    public String rootName() {
        return ROOT;
    }

    /**
     * @param nodeId       the node that produced the error (≤8), or null
     * @param responseCode the code (≤9), e.g. 0002
     * @param responseInfo text (≤300), or null
     * @param results      per-receiver results
     * @param noticeTime   date of the notice (xs:date, yyyy-MM-dd)
     * @param note         note (≤500), or null
     * @param oriHead      the TransInfo of the envelope this answers
     */
    public record Response(String nodeId, String responseCode, String responseInfo, List<Result> results,
                           String noticeTime, String note, TransInfo oriHead) {
        public Response {
            results = results == null ? List.of() : List.copyOf(results);
            DxpChecks.length("ResponseCode", responseCode, 1, 9);
        }
    }

    /** A per-receiver result. */
    public record Result(String recId, String code, String info, String note) {
    }
}

package io.cebgw.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document as the gateway keeps it: {@code status} is the last receipt's returnStatus (null before the first),
 * {@code statusZh}/{@code statusEn} its name, {@code isFinal} whether nothing changes it any more. {@code json} holds the
 * whole answer (findings, receipts, transitions, sending state).
 */
public record Document(String id, String messageType, String businessKey, String appStatus, String status, String statusZh, String statusEn,
                       boolean isFinal, String copMsgId, JsonNode json) {
    static Document of(JsonNode n) {
        return new Document(n.path("id").asText(), n.path("messageType").asText(), n.path("businessKey").asText(), text(n, "appStatus"),
                text(n, "status"), text(n.path("statusName"), "zh"), text(n.path("statusName"), "en"), n.path("final").asBoolean(),
                text(n, "copMsgId"), n);
    }

    /** Whether it was declared (signed and queued): a draft is not. */
    public boolean declared() {
        return copMsgId != null;
    }

    /** The findings of its last check (an array). */
    public JsonNode findings() {
        return json.path("findings");
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}

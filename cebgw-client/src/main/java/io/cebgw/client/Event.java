package io.cebgw.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event from the feed or a webhook: {@code id} is the same on every delivery of one event (drop repeats by it),
 * {@code type} one of document.status_changed, document.rejected, shipment.final, document.dead_letter, ping. The
 * fields a type does not have are null; {@code json} holds them all.
 */
public record Event(String id, String type, String at, long cursor, String documentId, String shipmentId, String messageType,
                    String businessKey, String fromStatus, String toStatus, String toStatusZh, String returnInfo, JsonNode json) {
    public static final String STATUS_CHANGED = "document.status_changed";
    public static final String REJECTED = "document.rejected";
    public static final String SHIPMENT_FINAL = "shipment.final";
    public static final String DEAD_LETTER = "document.dead_letter";
    public static final String PING = "ping";

    static Event of(JsonNode n) {
        return new Event(n.path("id").asText(), n.path("type").asText(), Document.text(n, "at"), n.path("cursor").asLong(0),
                Document.text(n, "documentId"), Document.text(n, "shipmentId"), Document.text(n, "messageType"), Document.text(n, "businessKey"),
                Document.text(n.path("fromStatus"), "code"), Document.text(n.path("toStatus"), "code"), Document.text(n.path("toStatus"), "zh"),
                Document.text(n, "returnInfo"), n);
    }
}

package io.cebgw.server.events;

import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.server.store.DocumentRow;
import io.cebgw.server.store.ReceiptStore;
import io.cebgw.server.store.ShipmentStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of each event, the same in the events feed and in a webhook's body: {@code id} (the same on every delivery
 * of one event: a receiver drops repeats by it), {@code type}, {@code at}, and the event's own fields.
 */
public final class EventBodies {
    private EventBodies() {
    }

    /** A document's status change (document.status_changed, or document.rejected when it failed). */
    public static Map<String, Object> statusChange(ReceiptStore.Event e) {
        Map<String, Object> m = head("st-" + e.cursor(), Lifecycle.failed(e.toStatus()) ? EventType.REJECTED : EventType.STATUS_CHANGED, e.at());
        m.put("cursor", e.cursor());
        m.put("documentId", e.documentId());
        m.put("shipmentId", e.shipmentId());
        m.put("messageType", e.messageType());
        m.put("businessKey", e.businessKey());
        m.put("fromStatus", e.fromStatus() == null ? null : status(e.fromStatus()));
        m.put("toStatus", status(e.toStatus()));
        m.put("returnTime", e.returnTime());
        m.put("returnInfo", e.returnInfo());
        return m;
    }

    /** Every document of a shipment is final: each with its status, and whether all went well. */
    public static Map<String, Object> shipmentFinal(ShipmentStore.ShipmentRow shipment, List<DocumentRow> documents, Instant at) {
        Map<String, Object> m = head("sf-" + shipment.id(), EventType.SHIPMENT_FINAL, at);
        m.put("shipmentId", shipment.id());
        m.put("name", shipment.name());
        m.put("tradeMode", shipment.tradeMode());
        long failed = documents.stream().filter(d -> Lifecycle.failed(d.status())).count();
        m.put("succeeded", failed == 0);
        m.put("failedDocuments", failed);
        m.put("documents", documents.stream().map(d -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("documentId", d.id());
            doc.put("messageType", d.messageType());
            doc.put("businessKey", d.businessKey());
            doc.put("status", d.status() == null ? null : status(d.status()));
            return doc;
        }).toList());
        return m;
    }

    /** A document the gateway gave up sending: the attempts made and the last error in words. */
    public static Map<String, Object> deadLetter(DocumentRow document, long outboxId, int attempts, String lastError, Instant at) {
        Map<String, Object> m = head("dl-" + outboxId + "-" + attempts, EventType.DEAD_LETTER, at);
        m.put("documentId", document.id());
        m.put("shipmentId", null);
        m.put("messageType", document.messageType());
        m.put("businessKey", document.businessKey());
        m.put("copMsgId", document.copMsgId());
        m.put("attempts", attempts);
        m.put("lastError", lastError);
        return m;
    }

    /** A test event. */
    public static Map<String, Object> ping(String id, Instant at) {
        Map<String, Object> m = head("ping-" + id, EventType.PING, at);
        m.put("message", "来自 CEB Gateway 的测试事件 / a test event from CEB Gateway");
        return m;
    }

    private static Map<String, Object> head(String id, EventType type, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type.wireName());
        m.put("at", at.toString());
        return m;
    }

    private static Map<String, Object> status(String code) {
        ReturnStatus s = ReturnStatus.of(code);
        return Map.of("code", s.code(), "zh", s.name(Locale.CHINA), "en", s.name(Locale.ENGLISH), "failed", Lifecycle.failed(code));
    }
}

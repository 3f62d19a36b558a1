package io.cebgw.server.web;

import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.core.spec.MessageType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The next step of a shipment, in the order customs takes the documents (B2B-EXPORT-RULES.md §2): order or booking and
 * waybill, then the list made from them, then once the list is concluded (399) the 总分单 and the arrival, then once
 * the arrival is concluded the departure. Each step names the document to make and the documents to make it from.
 */
final class ShipmentSteps {
    /** A document to make next, from these documents. */
    record Step(MessageType type, List<String> from) {
        public String typeName() {
            return type.name();
        }
    }

    private ShipmentSteps() {
    }

    /** @param documents the shipment's documents as its view gives them (messageType, id, status, final) */
    static List<Step> next(List<Map<String, Object>> documents) {
        List<Step> steps = new ArrayList<>();
        List<String> orders = ids(documents, MessageType.CEB303, null);
        List<String> waybills = ids(documents, MessageType.CEB505, null);
        List<String> lists = ids(documents, MessageType.CEB603, null);
        if (orders.isEmpty()) {
            steps.add(new Step(MessageType.CEB303, List.of()));
        }
        if (waybills.isEmpty()) {
            steps.add(new Step(MessageType.CEB505, List.of()));
        }
        if (lists.isEmpty() && !orders.isEmpty() && !waybills.isEmpty()) {
            steps.add(new Step(MessageType.CEB603, List.of(orders.get(0), waybills.get(0))));
        }
        List<String> concluded = ids(documents, MessageType.CEB603, ReturnStatus.CONCLUDED);
        if (!concluded.isEmpty()) {
            if (ids(documents, MessageType.CEB607, null).isEmpty()) {
                steps.add(new Step(MessageType.CEB607, concluded));
            }
            if (ids(documents, MessageType.CEB507, null).isEmpty()) {
                steps.add(new Step(MessageType.CEB507, concluded));
            }
            if (!ids(documents, MessageType.CEB507, ReturnStatus.CONCLUDED).isEmpty() && ids(documents, MessageType.CEB509, null).isEmpty()) {
                steps.add(new Step(MessageType.CEB509, concluded));
            }
        }
        return steps;
    }

    /** The ids of the live documents of a type (that reached {@code status} when given). */
    private static List<String> ids(List<Map<String, Object>> documents, MessageType type, ReturnStatus status) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> d : documents) {
            String current = (String) d.get("status");
            if (type.rootName().equals(d.get("messageType")) && !Lifecycle.failed(current)
                    && (status == null || Lifecycle.reached(current, status))) {
                ids.add((String) d.get("id"));
            }
        }
        return ids;
    }
}

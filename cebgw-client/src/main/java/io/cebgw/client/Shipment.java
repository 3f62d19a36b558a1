package io.cebgw.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A shipment: its documents in order, and whether every one of them is final ({@code complete}). */
public record Shipment(String id, String tradeMode, String name, boolean complete, List<Document> documents, JsonNode json) {
    static Shipment of(JsonNode n) {
        List<Document> docs = new ArrayList<>();
        n.path("documents").forEach(d -> docs.add(Document.of(d)));
        return new Shipment(n.path("id").asText(), Document.text(n, "tradeMode"), Document.text(n, "name"), n.path("complete").asBoolean(),
                List.copyOf(docs), n);
    }
}

package io.cebgw.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A webhook subscription; {@code secret} only in the answer that made it (or made a new secret), null otherwise. */
public record Webhook(String id, String url, List<String> events, boolean active, String secret, JsonNode json) {
    static Webhook of(JsonNode n) {
        List<String> events = new ArrayList<>();
        n.path("events").forEach(e -> events.add(e.asText()));
        return new Webhook(n.path("id").asText(), n.path("url").asText(), List.copyOf(events), n.path("active").asBoolean(),
                Document.text(n, "secret"), n);
    }
}

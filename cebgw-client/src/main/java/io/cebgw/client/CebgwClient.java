package io.cebgw.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CEB Gateway REST API for an ERP, WMS or shop system: documents (create, declare, read), shipments, the events
 * feed and webhook subscriptions, each a typed call. Every refusal is a {@link CebgwException} with the gateway's
 * problem code and Chinese and English text; nothing else is thrown.
 *
 * <pre>{@code
 * CebgwClient gw = CebgwClient.connect(URI.create("http://gateway:8080"), System.getenv("CEBGW_API_KEY"));
 * Document d = gw.createDocument(orderJson, true);   // JSON as in the OpenAPI document; true: declare at once
 * EventPage page = gw.events(lastCursor, 100);
 * }</pre>
 *
 * <p>Safe for many threads; one instance per gateway and key.
 */
public final class CebgwClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final Duration timeout;

    private CebgwClient(URI base, String apiKey, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A client of the gateway at {@code base} (e.g. http://gateway:8080) with an enterprise's API key; 30 s per call. */
    public static CebgwClient connect(URI base, String apiKey) {
        return connect(base, apiKey, Duration.ofSeconds(30));
    }

    public static CebgwClient connect(URI base, String apiKey, Duration timeout) {
        return new CebgwClient(base, apiKey, timeout);
    }

    // ---- documents

    /** Creates a document from its JSON (declare: sign and send at once; otherwise a draft). */
    public Document createDocument(JsonNode message, boolean declare) {
        return createDocument(message, declare, null);
    }

    /** As {@link #createDocument(JsonNode, boolean)}; the same idempotency key again answers with the first document. */
    public Document createDocument(JsonNode message, boolean declare, String idempotencyKey) {
        return Document.of(send("POST", "api/v1/documents?declare=" + declare, "application/json", bytes(message), idempotencyKey));
    }

    /** Creates a document from its CEB XML (a bare message, as the spec writes it). */
    public Document createDocumentXml(byte[] xml, boolean declare) {
        return Document.of(send("POST", "api/v1/documents?declare=" + declare, "application/xml", xml, null));
    }

    /** Declares a draft. */
    public Document declare(String documentId) {
        return Document.of(send("POST", "api/v1/documents/" + path(documentId) + "/declare", null, null, null));
    }

    /** A document with its receipts, transitions and sending state. */
    public Document document(String documentId) {
        return Document.of(send("GET", "api/v1/documents/" + path(documentId), null, null, null));
    }

    /** The newest documents (type: e.g. CEB603Message, or null for all). */
    public List<Document> documents(String messageType, int limit) {
        String q = "api/v1/documents?limit=" + limit + (messageType == null ? "" : "&type=" + query(messageType));
        List<Document> out = new ArrayList<>();
        send("GET", q, null, null, null).forEach(n -> out.add(Document.of(n)));
        return out;
    }

    // ---- shipments

    /** Creates a shipment of these documents (JSON each); the gateway declares them in order. */
    public Shipment createShipment(String tradeMode, String name, List<JsonNode> documents) {
        ObjectNode body = JSON.createObjectNode().put("tradeMode", tradeMode).put("name", name);
        ArrayNode array = body.putArray("documents");
        documents.forEach(array::add);
        return Shipment.of(send("POST", "api/v1/shipments", "application/json", bytes(body), null));
    }

    public Shipment shipment(String shipmentId) {
        return Shipment.of(send("GET", "api/v1/shipments/" + path(shipmentId), null, null, null));
    }

    // ---- events

    /** The events after {@code cursor} (0 at first), oldest first, at most {@code limit} (1 to 1,000). */
    public EventPage events(long cursor, int limit) {
        JsonNode page = send("GET", "api/v1/events?after=" + cursor + "&limit=" + limit, null, null, null);
        List<Event> events = new ArrayList<>();
        page.path("events").forEach(n -> events.add(Event.of(n)));
        return new EventPage(List.copyOf(events), page.path("next").asLong(cursor));
    }

    // ---- webhooks

    /** Subscribes {@code url} to these events ("*" for all); the answer holds the secret, this once. */
    public Webhook createWebhook(String url, List<String> events, String description) {
        ObjectNode body = JSON.createObjectNode().put("url", url).put("description", description);
        ArrayNode array = body.putArray("events");
        events.forEach(array::add);
        return Webhook.of(send("POST", "api/v1/webhooks", "application/json", bytes(body), null));
    }

    public List<Webhook> webhooks() {
        List<Webhook> out = new ArrayList<>();
        send("GET", "api/v1/webhooks", null, null, null).path("webhooks").forEach(n -> out.add(Webhook.of(n)));
        return out;
    }

    /** Queues a ping event to the subscription. */
    public void pingWebhook(String webhookId) {
        send("POST", "api/v1/webhooks/" + path(webhookId) + "/ping", null, null, null);
    }

    /** Sends every dead delivery of the subscription again; returns how many. */
    public int replayDeadDeliveries(String webhookId) {
        return send("POST", "api/v1/webhooks/" + path(webhookId) + "/replay", null, null, null).path("replayed").asInt();
    }

    public void deleteWebhook(String webhookId) {
        send("DELETE", "api/v1/webhooks/" + path(webhookId), null, null, null);
    }

    // ---- the wire

    private JsonNode send(String method, String relative, String contentType, byte[] body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(relative)).timeout(timeout)
                .header("X-Api-Key", apiKey).header("Accept", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CebgwException(0, "IO", "无法连接网关：" + e.getMessage(), "cannot reach the gateway: " + e.getMessage(), JSON.createArrayNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CebgwException(0, "IO", "调用被中断", "the call was interrupted", JSON.createArrayNode());
        }
        return answer(r);
    }

    private static JsonNode answer(HttpResponse<byte[]> r) {
        JsonNode json;
        try {
            json = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        if (r.statusCode() / 100 == 2 && json != null) {
            return json;
        }
        if (json != null && json.has("code")) {
            throw new CebgwException(r.statusCode(), json.path("code").asText(), json.path("zh").asText(), json.path("en").asText(),
                    json.has("findings") ? json.get("findings") : JSON.createArrayNode());
        }
        throw new CebgwException(r.statusCode(), "HTTP-" + r.statusCode(), "网关的回答无法读取（HTTP " + r.statusCode() + "）",
                "the gateway's answer cannot be read (HTTP " + r.statusCode() + ")", JSON.createArrayNode());
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serializable JSON", e);
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

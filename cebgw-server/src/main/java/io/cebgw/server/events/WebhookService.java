package io.cebgw.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.document.JsonPosition;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.store.WebhookStore;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An enterprise's webhook subscriptions: made, read, changed and removed through the API and the pages, with their
 * deliveries, each delivery's attempts, replay and a test event. The secret is shown once, when it is made (or made
 * anew); it never appears in a listing, a log or an answer after that.
 */
public final class WebhookService {
    /** The most subscriptions one enterprise may have. */
    public static final int MAX_PER_ENTERPRISE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore webhooks;
    private final io.cebgw.server.access.Audit audit;
    private final Clock clock;

    public WebhookService(WebhookStore webhooks, io.cebgw.server.access.Audit audit, Clock clock) {
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a person or an ERP asks for: url, events, description, active, and a secret (or none: one is made). */
    public record Request(String url, List<String> events, String description, Boolean active, String secret, boolean newSecret) {
        /** Reads a JSON body: {@code {"url": …, "events": […], "description": …, "active": …, "secret": …, "rotateSecret": true}}. */
        public static Request parse(byte[] body) throws ValidationFailed {
            JsonNode root;
            try {
                root = body == null || body.length == 0 ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw ValidationFailed.of(GatewayProblem.WEBHOOK_JSON, JsonPosition.of(e));
            }
            if (root == null || !root.isObject()) {
                throw ValidationFailed.of(GatewayProblem.WEBHOOK_JSON, new io.cebgw.core.finding.Localized("需要一个 JSON 对象", "a JSON object is needed"));
            }
            List<String> events = null;
            if (root.has("events")) {
                JsonNode e = root.get("events");
                List<String> named = new ArrayList<>();
                if (e.isTextual()) {
                    named.addAll(Arrays.asList(e.asText().split(",")));
                } else if (e.isArray()) {
                    e.forEach(n -> named.add(n.asText()));
                }
                events = named;
            }
            return new Request(text(root, "url"), events, text(root, "description"), root.has("active") ? root.get("active").asBoolean(true) : null,
                    text(root, "secret"), root.path("rotateSecret").asBoolean(false));
        }

        private static String text(JsonNode root, String field) {
            JsonNode n = root.get(field);
            return n == null || n.isNull() ? null : n.asText().strip();
        }
    }

    /** Makes a subscription; the answer holds its secret, this once. */
    public Map<String, Object> create(String enterpriseId, Request r) throws ValidationFailed {
        if (webhooks.list(enterpriseId).size() >= MAX_PER_ENTERPRISE) {
            throw ValidationFailed.of(GatewayProblem.WEBHOOK_LIMIT, MAX_PER_ENTERPRISE);
        }
        String secret = r.secret() == null ? newSecret() : checkedSecret(r.secret());
        WebhookStore.WebhookRow row = new WebhookStore.WebhookRow(UUID.randomUUID().toString(), enterpriseId, checkedUrl(r.url()),
                checkedEvents(r.events() == null ? List.of() : r.events()), secret, description(r.description()),
                r.active() == null || r.active(), clock.instant());
        webhooks.insert(row);
        audit.record(enterpriseId, "webhook.create", row.id(), row.url() + " " + String.join(",", row.events()));
        Map<String, Object> view = view(row);
        view.put("secret", secret);
        return view;
    }

    public List<Map<String, Object>> list(String enterpriseId) {
        return webhooks.list(enterpriseId).stream().map(this::view).toList();
    }

    public Map<String, Object> get(String enterpriseId, String id) throws ValidationFailed {
        return view(subscription(enterpriseId, id));
    }

    /** Changes what the request names; {@code rotateSecret} (or a new secret) answers with the new secret, this once. */
    public Map<String, Object> update(String enterpriseId, String id, Request r) throws ValidationFailed {
        WebhookStore.WebhookRow old = subscription(enterpriseId, id);
        String secret = r.secret() != null ? checkedSecret(r.secret()) : r.newSecret() ? newSecret() : null;
        WebhookStore.WebhookRow row = new WebhookStore.WebhookRow(id, enterpriseId, r.url() == null ? old.url() : checkedUrl(r.url()),
                r.events() == null ? old.events() : checkedEvents(r.events()), secret,
                r.description() == null ? old.description() : description(r.description()), r.active() == null ? old.active() : r.active(),
                old.createdAt());
        webhooks.update(row);
        audit.record(enterpriseId, "webhook.update", id, row.url() + " " + String.join(",", row.events()) + (row.active() ? "" : " paused")
                + (secret != null ? " new secret" : ""));
        Map<String, Object> view = view(subscription(enterpriseId, id));
        if (secret != null) {
            view.put("secret", secret);
        }
        return view;
    }

    public void delete(String enterpriseId, String id) throws ValidationFailed {
        if (!webhooks.delete(enterpriseId, id)) {
            throw ValidationFailed.of(GatewayProblem.NO_SUCH_WEBHOOK, id);
        }
        audit.record(enterpriseId, "webhook.delete", id, null);
    }

    /** A subscription's deliveries, newest first; {@code state} PENDING, DELIVERED or DEAD, or null for all. */
    public List<Map<String, Object>> deliveries(String enterpriseId, String id, String state, int limit) throws ValidationFailed {
        subscription(enterpriseId, id);
        return webhooks.deliveries(enterpriseId, id, state, limit).stream().map(d -> deliveryView(d, false)).toList();
    }

    /** One delivery with its event and every attempt. */
    public Map<String, Object> delivery(String enterpriseId, String id, long deliveryId) throws ValidationFailed {
        return deliveryView(deliveryOf(enterpriseId, id, deliveryId), true);
    }

    /** Sends one delivery again from the start (a delivered one too: the receiver drops repeats by the event id). */
    public Map<String, Object> replay(String enterpriseId, String id, long deliveryId) throws ValidationFailed {
        WebhookStore.DeliveryRow d = deliveryOf(enterpriseId, id, deliveryId);
        if (webhooks.replay(enterpriseId, id, d.id(), clock.instant()) == 0) {
            throw ValidationFailed.of(GatewayProblem.WEBHOOK_NOT_DONE);
        }
        return deliveryView(deliveryOf(enterpriseId, id, deliveryId), false);
    }

    /** Sends every dead delivery of the subscription again; returns how many. */
    public int replayDead(String enterpriseId, String id) throws ValidationFailed {
        subscription(enterpriseId, id);
        return webhooks.replay(enterpriseId, id, null, clock.instant());
    }

    /** Queues a ping event to this subscription alone (whatever events it wants); returns the event. */
    public Map<String, Object> ping(String enterpriseId, String id) throws ValidationFailed {
        WebhookStore.WebhookRow w = subscription(enterpriseId, id);
        Map<String, Object> event = EventBodies.ping(UUID.randomUUID().toString(), clock.instant());
        webhooks.enqueue(List.of(new WebhookStore.NewDelivery(w.id(), enterpriseId, (String) event.get("id"), (String) event.get("type"),
                WebhookPublisher.json(event))), clock.instant());
        return event;
    }

    /** How many deliveries of the subscription are in each state. */
    public Map<String, Integer> counts(String enterpriseId, String id) {
        return webhooks.counts(enterpriseId, id);
    }

    /** The events one can subscribe to, with their meaning in the reader's language. */
    public static List<Map<String, String>> eventTypes(Locale locale) {
        return Arrays.stream(EventType.values()).filter(t -> t != EventType.PING)
                .map(t -> Map.of("name", t.wireName(), "description", t.description(locale))).toList();
    }

    private WebhookStore.WebhookRow subscription(String enterpriseId, String id) throws ValidationFailed {
        return webhooks.byId(enterpriseId, id).orElseThrow(() -> ValidationFailed.of(GatewayProblem.NO_SUCH_WEBHOOK, id));
    }

    private WebhookStore.DeliveryRow deliveryOf(String enterpriseId, String id, long deliveryId) throws ValidationFailed {
        subscription(enterpriseId, id);
        return webhooks.delivery(enterpriseId, deliveryId).filter(d -> d.webhookId().equals(id))
                .orElseThrow(() -> ValidationFailed.of(GatewayProblem.NO_SUCH_DELIVERY, deliveryId));
    }

    private Map<String, Object> view(WebhookStore.WebhookRow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("url", w.url());
        m.put("events", w.events());
        m.put("description", w.description());
        m.put("active", w.active());
        m.put("createdAt", w.createdAt().toString());
        m.put("deliveries", webhooks.counts(w.enterpriseId(), w.id()));
        return m;
    }

    private Map<String, Object> deliveryView(WebhookStore.DeliveryRow d, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("eventId", d.eventId());
        m.put("eventType", d.eventType());
        m.put("state", d.state());
        m.put("attempts", d.attempts());
        m.put("nextAttemptAt", WebhookStore.PENDING.equals(d.state()) ? d.nextAttemptAt().toString() : null);
        m.put("lastStatus", d.lastStatus());
        m.put("lastError", d.lastError());
        m.put("createdAt", d.createdAt().toString());
        m.put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString());
        if (full) {
            try {
                m.put("event", JSON.readTree(d.payload()));
            } catch (IOException e) {
                m.put("event", d.payload());
            }
            m.put("log", webhooks.attempts(d.id()).stream().map(a -> {
                Map<String, Object> attempt = new LinkedHashMap<>();
                attempt.put("at", a.at().toString());
                attempt.put("httpStatus", a.httpStatus());
                attempt.put("error", a.error());
                attempt.put("millis", a.millis());
                return attempt;
            }).toList());
        }
        return m;
    }

    private static String checkedUrl(String url) throws ValidationFailed {
        if (url == null || url.length() > 2000) {
            throw ValidationFailed.of(GatewayProblem.WEBHOOK_URL, url == null ? "" : url.substring(0, Math.min(80, url.length())));
        }
        try {
            URI u = new URI(url);
            String scheme = Optional.ofNullable(u.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) {
                throw ValidationFailed.of(GatewayProblem.WEBHOOK_URL, url);
            }
            return url;
        } catch (URISyntaxException e) {
            throw ValidationFailed.of(GatewayProblem.WEBHOOK_URL, url);
        }
    }

    private static List<String> checkedEvents(List<String> events) throws ValidationFailed {
        List<String> out = events.stream().map(String::strip).filter(e -> !e.isEmpty()).distinct().toList();
        boolean known = out.stream().allMatch(e -> e.equals("*") || EventType.byWireName(e).filter(t -> t != EventType.PING).isPresent());
        if (out.isEmpty() || !known) {
            throw ValidationFailed.of(GatewayProblem.WEBHOOK_EVENTS, Arrays.stream(EventType.values()).filter(t -> t != EventType.PING)
                    .map(EventType::wireName).collect(Collectors.joining(", ")));
        }
        return out;
    }

    private static String checkedSecret(String secret) throws ValidationFailed {
        if (secret.length() < 16 || secret.length() > 200) {
            throw ValidationFailed.of(GatewayProblem.WEBHOOK_SECRET);
        }
        return secret;
    }

    private static String description(String d) {
        return d == null ? null : d.length() > 200 ? d.substring(0, 200) : d;
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

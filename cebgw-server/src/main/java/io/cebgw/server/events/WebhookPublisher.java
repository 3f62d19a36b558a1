package io.cebgw.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.server.store.WebhookStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an event into deliveries: one for each active subscription of the event's enterprise that wants its type,
 * queued in the caller's transaction (so an event is queued exactly when what caused it is committed).
 */
public final class WebhookPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookStore webhooks;
    private final Clock clock;

    public WebhookPublisher(WebhookStore webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Queues the event for the enterprise's subscriptions that want it; returns how many deliveries. */
    public int publish(String enterpriseId, Map<String, Object> event) {
        List<WebhookStore.NewDelivery> deliveries = deliveries(webhooks.active(), enterpriseId, event);
        webhooks.enqueue(deliveries, clock.instant());
        return deliveries.size();
    }

    /** The deliveries of one event to those of {@code subscriptions} that belong to the enterprise and want it. */
    static List<WebhookStore.NewDelivery> deliveries(List<WebhookStore.WebhookRow> subscriptions, String enterpriseId, Map<String, Object> event) {
        String type = (String) event.get("type");
        List<WebhookStore.NewDelivery> out = new ArrayList<>();
        String body = null;
        for (WebhookStore.WebhookRow w : subscriptions) {
            if (w.enterpriseId().equals(enterpriseId) && w.wants(type)) {
                body = body == null ? json(event) : body;
                out.add(new WebhookStore.NewDelivery(w.id(), enterpriseId, (String) event.get("id"), type, body));
            }
        }
        return out;
    }

    static String json(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event is plain maps and strings", e);
        }
    }
}

package io.cebgw.server.api;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.events.WebhookService;
import io.cebgw.server.store.WebhookStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The calling enterprise's webhook subscriptions: events pushed to its ERP, signed with the subscription's secret,
 * retried, dead-lettered and replayed (docs/api.md "Webhooks").
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {
    private static final Set<String> STATES = Set.of(WebhookStore.PENDING, WebhookStore.DELIVERED, WebhookStore.DEAD);

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise,
                                               @RequestBody(required = false) byte[] body) throws ValidationFailed {
        return ResponseEntity.status(201).body(webhooks.create(enterprise, WebhookService.Request.parse(body)));
    }

    @GetMapping
    Map<String, Object> list(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, Locale locale) {
        return Map.of("webhooks", webhooks.list(enterprise), "eventTypes", WebhookService.eventTypes(locale));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        return webhooks.get(enterprise, id);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> update(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id,
                               @RequestBody(required = false) byte[] body) throws ValidationFailed {
        return webhooks.update(enterprise, id, WebhookService.Request.parse(body));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id) throws ValidationFailed {
        webhooks.delete(enterprise, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    Map<String, Object> deliveries(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id,
                                   @RequestParam(required = false) String state, @RequestParam(defaultValue = "50") int limit) throws ValidationFailed {
        if (state != null && !STATES.contains(state)) {
            throw ValidationFailed.of(GatewayProblem.BAD_PARAMETER, "state", state, new Localized("PENDING、DELIVERED 或 DEAD", "PENDING, DELIVERED or DEAD"));
        }
        if (limit < 1 || limit > 500) {
            throw ValidationFailed.of(GatewayProblem.BAD_PARAMETER, "limit", limit, new Localized("1 到 500", "1 to 500"));
        }
        List<Map<String, Object>> found = webhooks.deliveries(enterprise, id, state, limit);
        return Map.of("deliveries", found);
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    Map<String, Object> delivery(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id,
                                 @PathVariable long deliveryId) throws ValidationFailed {
        return webhooks.delivery(enterprise, id, deliveryId);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    ResponseEntity<Map<String, Object>> replay(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id,
                                               @PathVariable long deliveryId) throws ValidationFailed {
        return ResponseEntity.accepted().body(webhooks.replay(enterprise, id, deliveryId));
    }

    /** Every dead delivery of the subscription sent again. */
    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, Object>> replayDead(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id)
            throws ValidationFailed {
        return ResponseEntity.accepted().body(Map.of("replayed", webhooks.replayDead(enterprise, id)));
    }

    @PostMapping("/{id}/ping")
    ResponseEntity<Map<String, Object>> ping(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @PathVariable String id)
            throws ValidationFailed {
        return ResponseEntity.accepted().body(webhooks.ping(enterprise, id));
    }
}

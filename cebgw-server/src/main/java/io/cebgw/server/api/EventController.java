package io.cebgw.server.api;

import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.server.document.ValidationFailed;
import io.cebgw.server.events.EventBodies;
import io.cebgw.server.events.WebhookFanout;
import io.cebgw.server.store.ReceiptStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of an enterprise's documents, in order, for ERPs that poll: {@code GET /api/v1/events?after=CURSOR}. Each is a
 * status change (document.status_changed, or document.rejected when customs refused it or it failed) with the old and
 * new status by code and name; {@code next} is the cursor to ask after next time. A change shows once it is
 * {@link WebhookFanout#SETTLE} old, so that none is skipped while its transaction commits.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {
    private static final int MAX = 1000;

    private final ReceiptStore receipts;
    private final Clock clock;

    EventController(ReceiptStore receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    @GetMapping
    Map<String, Object> events(@RequestAttribute(ApiKeyFilter.ENTERPRISE) String enterprise, @RequestParam(defaultValue = "0") long after,
                               @RequestParam(defaultValue = "100") int limit) throws ValidationFailed {
        if (after < 0 || limit < 1 || limit > MAX) {
            throw ValidationFailed.of(GatewayProblem.BAD_PARAMETER, after < 0 ? "after" : "limit", after < 0 ? after : limit,
                    new io.cebgw.core.finding.Localized(after < 0 ? "不小于 0 的游标" : "1 到 " + MAX, after < 0 ? "a cursor of 0 or more" : "1 to " + MAX));
        }
        List<ReceiptStore.Event> found = receipts.eventsAfter(enterprise, after, clock.instant().minus(WebhookFanout.SETTLE), limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", found.stream().map(EventBodies::statusChange).toList());
        out.put("next", found.isEmpty() ? after : found.get(found.size() - 1).cursor());
        return out;
    }
}

package io.cebgw.server.events;

import io.cebgw.core.lifecycle.Lifecycle;
import io.cebgw.core.spec.MessageType;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.ReceiptStore;
import io.cebgw.server.store.ShipmentStore;
import io.cebgw.server.store.WebhookStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the recorded status changes into webhook deliveries, in the order they were recorded, each once: a cursor in
 * the database says how far it has come, and is moved in the transaction that queues the deliveries (a crash queues
 * nothing twice and loses nothing). A change is taken once it is {@link #SETTLE} old, as the events feed does, so one
 * still being committed with a lower number is not passed over. The last final status of a shipment's documents also
 * makes a shipment.final event.
 */
public final class WebhookFanout {
    /** How old a status change must be before it is taken. */
    public static final Duration SETTLE = Duration.ofSeconds(2);
    static final String CURSOR = "webhooks";
    private static final int BATCH = 500;

    private final WebhookStore webhooks;
    private final ReceiptStore receipts;
    private final ShipmentStore shipments;
    private final DocumentStore documents;
    private final TransactionTemplate tx;
    private final Clock clock;

    public WebhookFanout(WebhookStore webhooks, ReceiptStore receipts, ShipmentStore shipments, DocumentStore documents,
                         TransactionTemplate tx, Clock clock) {
        this.webhooks = webhooks;
        this.receipts = receipts;
        this.shipments = shipments;
        this.documents = documents;
        this.tx = tx;
        this.clock = clock;
    }

    /** One round: batches until the settled changes are all taken. Returns how many deliveries were queued. */
    public int fanOut() {
        int queued = 0;
        for (int[] round = batch(); round[0] > 0; round = batch()) {
            queued += round[1];
        }
        return queued;
    }

    /** One batch in one transaction: {changes taken, deliveries queued}. */
    private int[] batch() {
        int[] result = tx.execute(status -> {
            long cursor = webhooks.lockCursor(CURSOR);
            Instant now = clock.instant();
            Instant settled = now.minus(SETTLE);
            List<WebhookStore.WebhookRow> subscriptions = webhooks.active();
            if (subscriptions.isEmpty()) { // nobody listens: step over what there is
                webhooks.moveCursor(CURSOR, Math.max(cursor, receipts.lastEventBefore(settled)));
                return new int[] {0, 0};
            }
            List<ReceiptStore.Event> events = receipts.eventsAfter(cursor, settled, BATCH);
            List<WebhookStore.NewDelivery> deliveries = new ArrayList<>();
            for (ReceiptStore.Event e : events) {
                deliveries.addAll(WebhookPublisher.deliveries(subscriptions, e.enterpriseId(), EventBodies.statusChange(e)));
                if (e.shipmentId() != null && ends(e) && shipments.markFinalEvent(e.shipmentId(), now)) {
                    shipments.byId(e.enterpriseId(), e.shipmentId()).ifPresent(s -> deliveries.addAll(WebhookPublisher.deliveries(subscriptions,
                            e.enterpriseId(), EventBodies.shipmentFinal(s, documents.statesOfShipment(s.id()), now))));
                }
            }
            webhooks.enqueue(deliveries, now);
            if (!events.isEmpty()) {
                webhooks.moveCursor(CURSOR, events.get(events.size() - 1).cursor());
            }
            return new int[] {events.size(), deliveries.size()};
        });
        return result == null ? new int[] {0, 0} : result;
    }

    private static boolean ends(ReceiptStore.Event e) {
        return Lifecycle.failed(e.toStatus()) || MessageType.byRootName(e.messageType()).flatMap(Lifecycle::lookup)
                .map(l -> l.isFinal(e.toStatus())).orElse(false);
    }
}

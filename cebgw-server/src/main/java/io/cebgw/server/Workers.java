package io.cebgw.server;

import io.cebgw.core.transport.TransportException;
import io.cebgw.server.events.WebhookFanout;
import io.cebgw.server.events.WebhookSender;
import io.cebgw.server.flow.OutboxRelay;
import io.cebgw.server.flow.ReceiptProcessor;
import io.cebgw.server.store.StatisticsKeeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;


/**
 * The background work: the outbox relay with its claim renewal and stale-claim sweeper, receipt intake, shipment dispatch,
 * webhooks, table statistics.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "cebgw.workers", havingValue = "true", matchIfMissing = true)
class Workers {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
    private final OutboxRelay relay;
    private final ReceiptProcessor receipts;
    private final io.cebgw.server.flow.EnterpriseTransports transports;
    private final io.cebgw.server.document.ShipmentService shipments;
    private final StatisticsKeeper statistics;
    private final WebhookFanout webhookFanout;
    private final WebhookSender webhookSender;
    private final io.cebgw.server.ops.GatewayMeters meters;
    private final io.cebgw.server.ops.Alerting alerting;
    private final io.cebgw.server.ops.RetentionPolicy retention;
    private final io.cebgw.server.store.DocumentStore documents;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    Workers(OutboxRelay relay, ReceiptProcessor receipts, io.cebgw.server.flow.EnterpriseTransports transports, io.cebgw.server.document.ShipmentService shipments,
            StatisticsKeeper statistics, WebhookFanout webhookFanout, WebhookSender webhookSender, io.cebgw.server.ops.GatewayMeters meters,
            io.cebgw.server.ops.Alerting alerting, io.cebgw.server.ops.RetentionPolicy retention, io.cebgw.server.store.DocumentStore documents,
            org.springframework.transaction.support.TransactionTemplate tx) {
        this.documents = documents;
        this.tx = tx;
        this.retention = retention;
        this.alerting = alerting;
        this.meters = meters;
        this.webhookFanout = webhookFanout;
        this.webhookSender = webhookSender;
        this.relay = relay;
        this.receipts = receipts;
        this.transports = transports;
        this.shipments = shipments;
        this.statistics = statistics;
    }

    /** Shipments: declares each waiting document once what it depends on has been accepted. */
    @Scheduled(fixedDelayString = "${cebgw.relay-interval:200ms}")
    void dispatchShipments() {
        round("shipment dispatch", shipments::dispatch);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startReceiving() throws TransportException {
        transports.start(receipts);
    }

    @Scheduled(fixedDelayString = "${cebgw.relay-interval:200ms}")
    void relay() {
        round("outbox relay", relay::relay);
    }

    /** The relay's lease on what it has claimed. */
    @Scheduled(fixedDelay = OutboxRelay.RENEW_EVERY_MILLIS)
    void renewClaims() {
        round("claim renewal", relay::renewClaims);
    }

    /** Claims of a relay that died: freed once its lease ran out ({@code cebgw.outbox.claim-lease}, 30 s). */
    @Scheduled(fixedDelay = OutboxRelay.RENEW_EVERY_MILLIS)
    void sweep() {
        round("stale-claim sweep", () -> {
            int freed = relay.sweep();
            if (freed > 0) {
                LOG.warn("outbox: {} messages claimed by a relay that stopped renewing its claims (a node that died?) are free again and go out now",
                        freed);
            }
        });
    }

    /** Webhooks: settled status changes into deliveries, then what is due posted to the subscribers. */
    @Scheduled(fixedDelayString = "${cebgw.webhooks.interval:500ms}")
    void webhooks() {
        round("webhook fan-out", webhookFanout::fanOut);
        round("webhook delivery", webhookSender::deliverDue);
    }

    @Scheduled(fixedDelay = OutboxRelay.RENEW_EVERY_MILLIS)
    void webhookClaims() {
        round("webhook claim renewal", webhookSender::renewClaims);
        round("webhook stale-claim sweep", webhookSender::sweep);
    }

    /** The gauges of the metrics endpoint, read from the database. */
    @Scheduled(fixedDelayString = "30s", initialDelayString = "30s")
    void meters() {
        round("meters", meters::refresh);
    }

    /** Alerts to the configured robots and receivers (docs/zh/ops.md). */
    @Scheduled(fixedDelayString = "${cebgw.alerts.interval:60s}", initialDelayString = "${cebgw.alerts.interval:60s}")
    void alerts() {
        round("alerts", alerting::round);
    }

    /** Only on a PostgreSQL without autovacuum: its statistics, before stale plans set in while the tables grow. */
    @Scheduled(fixedDelayString = "15s")
    void keepStatistics() {
        round("table statistics", statistics::analyzeWhereDue);
    }

    /** The documents' counts per status: the changes of the last seconds added into the totals. */
    @Scheduled(fixedDelayString = "5s")
    void foldCounts() {
        round("document counts", () -> documents.counts().fold(tx));
    }

    /** Retention ({@code cebgw.retention.keep}): exports and removes what is older, once an hour. */
    @Scheduled(fixedDelayString = "${cebgw.retention.interval:1h}", initialDelayString = "${cebgw.retention.interval:1h}")
    void retention() {
        round("retention", retention::run);
    }

    /** One round of a background job: a failure is logged and the job runs again at its next round. */
    private static void round(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} round failed (tried again next round)", job, e);
        }
    }
}

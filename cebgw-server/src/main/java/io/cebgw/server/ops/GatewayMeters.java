package io.cebgw.server.ops;

import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.OutboxStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's own gauges, read from the database by {@link #refresh} (every 30 s, not per scrape): documents by type
 * and status, the outbox by state and the age of its oldest waiting envelope, each enterprise's certificate days left.
 * Counters and timers are recorded where things happen: {@code cebgw.sends} (transport, outcome) by the relay,
 * {@code cebgw.signing} by the document service, {@code cebgw.receipt.latency} (type, status) by the receipt processor.
 */
public final class GatewayMeters implements MeterBinder {
    private final DocumentStore documents;
    private final OutboxStore outbox;
    private final SigningKeysHealth keys;
    private final Clock clock;
    private MultiGauge documentGauge;
    private MultiGauge outboxGauge;
    private MultiGauge certificateGauge;
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public GatewayMeters(DocumentStore documents, OutboxStore outbox, SigningKeysHealth keys, Clock clock) {
        this.documents = documents;
        this.outbox = outbox;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        documentGauge = MultiGauge.builder("cebgw.documents").description("documents by message type and status").register(registry);
        outboxGauge = MultiGauge.builder("cebgw.outbox").description("envelopes in the outbox by state (PENDING, SENT, DEAD)").register(registry);
        certificateGauge = MultiGauge.builder("cebgw.certificate.days.left").description("days until an enterprise's signing certificate expires")
                .register(registry);
        Gauge.builder("cebgw.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("how long the oldest envelope still to be sent has waited").register(registry);
        try {
            refresh();
        } catch (org.springframework.dao.DataAccessException e) {
            // no tables yet (cebgw doctor on a database serve has not migrated): the workers' next refresh fills the gauges
        }
    }

    /** Reads the gauges' values again. */
    public void refresh() {
        if (documentGauge == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Map.Entry<List<String>, Integer> e : documents.countsByTypeAndStatus().entrySet()) {
            rows.add(MultiGauge.Row.of(Tags.of("type", e.getKey().get(0), "status", e.getKey().get(1)), e.getValue()));
        }
        documentGauge.register(rows, true);
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        outbox.countsByState().forEach((state, n) -> states.add(MultiGauge.Row.of(Tags.of("state", state), n)));
        outboxGauge.register(states, true);
        oldestPendingSeconds.set(outbox.oldestPending().map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(0L));
        List<MultiGauge.Row<?>> certs = new ArrayList<>();
        keys.eachCertificate((e, days) -> {
            if (days != null) {
                certs.add(MultiGauge.Row.of(Tags.of("enterprise", e.dxpId()), days));
            }
        }, (e, problem) -> { });
        certificateGauge.register(certs, true);
    }
}

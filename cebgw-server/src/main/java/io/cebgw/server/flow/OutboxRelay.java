package io.cebgw.server.flow;

import io.cebgw.core.transport.RetryPolicy;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.server.logging.LogContext;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.OutboxRow;
import io.cebgw.server.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends what the outbox holds: claims due rows, hands each envelope to the transport (its CopMsgId unchanged on
 * every attempt), archives it, marks it sent; a failure is retried by the enterprise's {@link RetryPolicy}, or goes to
 * dead letter at once when no retry can help. A relay renews its claims every {@link #RENEW_EVERY_MILLIS} ms ({@link #renewClaims()}); claims not renewed
 * for the claim lease ({@link #CLAIM_LEASE} unless set, {@code cebgw.outbox.claim-lease}) — a relay that died mid-send —
 * are freed by {@link #sweep()}.
 */
public final class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** How often a live relay renews its claims, and the sweeper looks for claims nobody renewed (milliseconds). */
    public static final long RENEW_EVERY_MILLIS = 5_000;
    /** How long a claim lives without renewal by default: several renewals, so a busy database or a GC pause does not lose it. */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private final OutboxStore outbox;
    private final Route route;
    private final Archive archive;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final String relayId = "relay-" + UUID.randomUUID().toString().substring(0, 8);
    private final RetryPolicy defaults;
    private final int batch;
    private final Duration claimLease;

    /** Which transport carries an enterprise's messages, and how its failures are retried. */
    @FunctionalInterface
    public interface Route {
        Transport transportFor(String enterpriseId) throws TransportException;

        /** The retry policy of the enterprise's transport profile; {@code defaults} where it sets none. */
        default RetryPolicy retryPolicyFor(String enterpriseId, RetryPolicy defaults) throws TransportException {
            return defaults;
        }
    }

    /** Told of every message dead-lettered, in the transaction that marks it (the webhooks' document.dead_letter). */
    @FunctionalInterface
    public interface DeadLetters {
        void deadLettered(OutboxRow row, int attempts, String reason);
    }

    public OutboxRelay(OutboxStore outbox, Route route, Archive archive, org.springframework.transaction.support.TransactionTemplate tx,
                       Clock clock, RetryPolicy defaults, int batch) {
        this(outbox, route, archive, tx, clock, defaults, batch, (row, attempts, reason) -> { });
    }

    public OutboxRelay(OutboxStore outbox, Route route, Archive archive, org.springframework.transaction.support.TransactionTemplate tx,
                       Clock clock, RetryPolicy defaults, int batch, DeadLetters deadLetters) {
        this(outbox, route, archive, tx, clock, defaults, batch, deadLetters, CLAIM_LEASE);
    }

    /** @param claimLease how long a claim lives without renewal (at least two renewals, {@link #RENEW_EVERY_MILLIS}) */
    public OutboxRelay(OutboxStore outbox, Route route, Archive archive, org.springframework.transaction.support.TransactionTemplate tx,
                       Clock clock, RetryPolicy defaults, int batch, DeadLetters deadLetters, Duration claimLease) {
        if (claimLease.toMillis() < 2 * RENEW_EVERY_MILLIS) {
            throw new IllegalArgumentException("the claim lease must be at least " + 2 * RENEW_EVERY_MILLIS / 1000 + " s (two renewals)");
        }
        this.claimLease = claimLease;
        this.deadLetters = deadLetters;
        this.tx = tx;
        this.outbox = outbox;
        this.route = route;
        this.archive = archive;
        this.clock = clock;
        this.defaults = defaults;
        this.batch = batch;
    }

    /**
     * One round: claims and sends due rows until none are left; returns how many were sent. What a claimed batch got
     * out is archived and marked sent in one transaction (a crash before it commits sends those rows again, with the
     * same sequence, which the transports recognise).
     */
    public int relay() {
        int sent = 0;
        for (List<OutboxRow> rows = outbox.claim(relayId, clock.instant(), batch); !rows.isEmpty();
             rows = outbox.claim(relayId, clock.instant(), batch)) {
            List<OutboxRow> out = new java.util.ArrayList<>();
            for (OutboxRow row : rows) {
                if (send(row)) {
                    out.add(row);
                }
            }
            record(out);
            sent += out.size();
        }
        return sent;
    }

    private void record(List<OutboxRow> out) {
        if (out.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            archive.appendAll(out.stream().map(r -> new Archive.Item(Archive.OUT, r.enterpriseId(), r.documentId(), r.copMsgId(), r.payload()))
                    .toList(), clock.instant());
            outbox.sentAll(out.stream().map(OutboxRow::id).toList());
        });
    }

    private boolean send(OutboxRow row) {
        try (LogContext context = LogContext.document(row.enterpriseId(), row.documentId(), row.copMsgId())) {
            String name = "unusable"; // the enterprise's transport could not even be opened
            try {
                Transport transport = route.transportFor(row.enterpriseId());
                name = transport.name();
                transport.send(new Transport.Envelope(row.copMsgId(), row.payload(), row.id()));
                sends(name, "sent");
                return true;
            } catch (TransportException e) {
                failed(row, e, name);
            } catch (RuntimeException e) {
                failed(row, new TransportException("unexpected failure: " + e, e), name);
            }
            return false; // the failure is logged inside the context, so the line names the document
        }
    }

    /**
     * The decision after a failed attempt: retry later by the enterprise's policy, or dead letter — at once when no
     * retry can help (refused credentials, unknown queue, a message too large, a configuration mistake).
     */
    private void failed(OutboxRow row, TransportException failure, String transportName) {
        int attempt = row.attempts() + 1;
        RetryPolicy policy;
        try {
            policy = route.retryPolicyFor(row.enterpriseId(), defaults);
        } catch (TransportException e) {
            policy = defaults;
            failure = e; // the profile itself is wrong: no retry mends that
        }
        boolean dead = policy.givesUpAfter(attempt, failure);
        Instant next = clock.instant().plus(policy.delayAfter(attempt));
        String reason = failure.code() + " " + failure.problem().zh() + " / " + failure.problem().en();
        sends(transportName, dead ? "dead" : "retry");
        if (dead) {
            tx.executeWithoutResult(status -> {
                outbox.failed(row.id(), reason, next, true);
                deadLetters.deadLettered(row, attempt, reason);
            });
        } else {
            outbox.failed(row.id(), reason, next, false);
        }
        if (!dead) {
            LOG.warn("outbox: attempt {} failed; retry at {}: {}", attempt, next, reason);
        } else if (failure.transientFailure()) {
            LOG.warn("outbox: attempt {} failed; attempts used up, dead-lettered: {}", attempt, reason);
        } else {
            LOG.warn("outbox: attempt {} failed for good, dead-lettered: {}", attempt, reason);
        }
    }

    /** Counts a send by transport type and outcome (sent, retry, dead) in {@code cebgw.sends}. */
    private static void sends(String transportName, String outcome) {
        String type = transportName.contains(":") ? transportName.substring(0, transportName.indexOf(':')) : transportName;
        io.micrometer.core.instrument.Metrics.counter("cebgw.sends", "transport", type, "outcome", outcome).increment();
    }

    /** Renews this relay's claims; runs on its own thread, also while a send takes long. */
    public int renewClaims() {
        return outbox.renewClaims(relayId, clock.instant());
    }

    /** Frees claims whose relay has not renewed them for the claim lease. */
    public int sweep() {
        return outbox.releaseStale(clock.instant(), claimLease);
    }
}

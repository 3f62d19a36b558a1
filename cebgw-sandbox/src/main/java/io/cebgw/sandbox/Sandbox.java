package io.cebgw.sandbox;

import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The customs side for joint testing: takes envelopes from a transport, checks them like the E-Port exchange and
 * the customs unified system, and answers with receipts on a realistic time line. Embeddable (the demo, tests,
 * {@code sandbox selftest}) and standalone ({@code cebgw sandbox}). All decisions run on one worker thread, so
 * the order of arrival is the order of processing.
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxConfig config;
    private final Transport transport;
    private final Ledger ledger = new Ledger();
    private final Registry registry;
    private final ScheduledExecutorService worker;
    private final Intake intake;
    private final Flow flow;
    private final Replies replies;

    public Sandbox(SandboxConfig config, Registry registry, Transport transport, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.transport = transport;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-worker");
            t.setDaemon(true);
            return t;
        });
        this.replies = new Replies(config.nodeId(), transport, clock);
        this.flow = new Flow(worker, replies, ledger, config.step(), config.rules());
        this.intake = new Intake(config, registry, ledger, replies, flow, clock);
    }

    public SandboxConfig config() {
        return config;
    }

    public Registry registry() {
        return registry;
    }

    public Ledger ledger() {
        return ledger;
    }

    public String transportName() {
        return transport.name();
    }

    /** Starts taking messages from the transport. */
    public void start() throws TransportException {
        transport.start(this::accept);
    }

    /** Processes one envelope on the worker thread and returns when it has been decided (then the transport may drop it). */
    public void accept(Transport.Envelope envelope) throws InterruptedException {
        try {
            worker.submit(() -> intake.process(envelope)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Admin: sends a receipt with any status for a document (by type and business key, or copNo / orderNo /
     * logisticsNo), as if customs had decided it. Returns false when no such document is known.
     */
    public boolean inject(String type, String number, String status, String info) throws InterruptedException {
        try {
            return worker.submit(() -> {
                Optional<Document> doc = ledger.documents().stream()
                        .filter(d -> d.type().equalsIgnoreCase(type) || d.kind().type.name().equalsIgnoreCase(type))
                        .filter(d -> d.key().equals(number) || number.equals(d.field("copNo")) || number.equals(d.field("orderNo"))
                                || number.equals(d.field("logisticsNo")) || number.equals(d.invtNo()))
                        .reduce((a, b) -> b);
                doc.ifPresent(d -> flow.inject(d, status, info));
                return doc.isPresent();
            }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        transport.close();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

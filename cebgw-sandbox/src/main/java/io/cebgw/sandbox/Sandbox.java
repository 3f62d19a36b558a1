package io.cebgw.sandbox;

import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The customs side for joint testing: takes envelopes from a transport, checks them like the E-Port exchange and
 * the customs unified system, and answers with receipts on a realistic time line. Embeddable (the demo, tests,
 * {@code sandbox selftest}) and standalone ({@code cebgw sandbox}). All decisions run on one worker thread, so
 * the order of arrival is the order of processing; the costly reading and signature verification of messages that
 * arrive together run in parallel before their turn.
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxConfig config;
    private final Transport transport;
    private final Ledger ledger = new Ledger();
    private final Registry registry;
    private final ScheduledExecutorService worker;
    private final java.util.concurrent.ExecutorService examiners;
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
        this.examiners = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "sandbox-examiner");
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
        transport.start(new Transport.BatchHandler() {
            @Override
            public void accept(Transport.Envelope envelope) throws InterruptedException {
                Sandbox.this.accept(envelope);
            }

            @Override
            public void acceptAll(List<Transport.Envelope> envelopes) throws InterruptedException {
                Sandbox.this.acceptAll(envelopes);
            }
        });
    }

    /**
     * Examines one envelope on the calling thread, decides it on the worker thread and returns when it has been decided
     * (then the transport may drop it).
     */
    public void accept(Transport.Envelope envelope) throws InterruptedException {
        Intake.Examined examined = intake.examine(envelope.bytes());
        decide(() -> intake.process(envelope, examined));
    }

    /**
     * Envelopes that arrived together: examined in parallel, then decided in order on the worker thread. Deciding never
     * fails on bad input (every rejection is recorded and answered), so either all are taken or — interrupted while
     * shutting down — the rest are offered again and a CopMsgId taken already is recognised as a repeat.
     */
    public void acceptAll(List<Transport.Envelope> envelopes) throws InterruptedException {
        List<Future<Intake.Examined>> examined = new ArrayList<>(envelopes.size());
        for (Transport.Envelope envelope : envelopes) {
            examined.add(examiners.submit(() -> intake.examine(envelope.bytes())));
        }
        List<Intake.Examined> results = new ArrayList<>(envelopes.size());
        for (Future<Intake.Examined> f : examined) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                results.add(Intake.Examined.NOTHING); // examine() does not throw; found again in turn if it did
            }
        }
        decide(() -> {
            for (int i = 0; i < envelopes.size(); i++) {
                intake.process(envelopes.get(i), results.get(i));
            }
        });
    }

    private void decide(Runnable decision) throws InterruptedException {
        try {
            worker.submit(decision).get();
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
        examiners.shutdown();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

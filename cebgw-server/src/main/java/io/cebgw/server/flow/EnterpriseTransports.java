package io.cebgw.server.flow;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.RetryPolicy;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.server.document.TransferNode;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.transports.TransportCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport each enterprise sends through: its own transport profile when it has one, else the gateway's default
 * ({@code cebgw.transport.*}). Enterprises with the same profile share one connection. Every transport opened here
 * delivers what it receives (receipts) to the one receipt handler, from the moment receiving has started.
 */
public final class EnterpriseTransports implements OutboxRelay.Route, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseTransports.class);

    private final EnterpriseStore enterprises;
    private final TransportSpec defaultSpec;
    private final Map<TransportSpec, Transport> open = new ConcurrentHashMap<>();
    /** How long an enterprise's transport profile is read from memory before the database is asked again. */
    private static final java.time.Duration FRESH = java.time.Duration.ofSeconds(5);
    private final Map<String, Known> specOfEnterprise = new ConcurrentHashMap<>();
    private volatile Transport.Handler receiver;
    /** Each source (queue, folder) being received from, and the one configuration that consumes it. */
    private final Map<String, TransportSpec> consuming = new ConcurrentHashMap<>();

    public EnterpriseTransports(EnterpriseStore enterprises, TransportSpec defaultSpec) {
        this.enterprises = enterprises;
        this.defaultSpec = defaultSpec;
    }

    /** The transport of this enterprise, opened (and receiving) on first use. */
    @Override
    public Transport transportFor(String enterpriseId) throws TransportException {
        return transport(specFor(enterpriseId));
    }

    /** The retry policy of this enterprise's transport profile ({@code retry.*}), else {@code defaults}. */
    @Override
    public RetryPolicy retryPolicyFor(String enterpriseId, RetryPolicy defaults) throws TransportException {
        return RetryPolicy.of(specFor(enterpriseId), defaults);
    }

    /** The transfer node this enterprise's documents go through (a platform's shared profile), if any. */
    public Optional<TransferNode> transferNode(String enterpriseId) throws TransportException {
        return TransferNode.of(specFor(enterpriseId));
    }

    /** The enterprise's transport profile, read again after {@link #FRESH}: a changed profile takes effect without a restart. */
    private TransportSpec specFor(String enterpriseId) throws TransportException {
        Known known = specOfEnterprise.get(enterpriseId);
        if (known == null || known.at() + FRESH.toNanos() < System.nanoTime()) {
            known = new Known(specOf(enterprises.byId(enterpriseId)), System.nanoTime());
            specOfEnterprise.put(enterpriseId, known);
        }
        return known.spec();
    }

    /** After a change of the enterprise's profile made here: read at once. */
    public void forget(String enterpriseId) {
        specOfEnterprise.remove(enterpriseId);
    }

    private record Known(TransportSpec spec, long at) {
    }

    /** The gateway's default transport. */
    public Transport defaultTransport() throws TransportException {
        return transport(defaultSpec);
    }

    /**
     * Starts receiving on the default transport and on every one opened so far or later — one per source: a profile
     * that receives from the queue or folder another transport already consumes only sends (two consumers of one
     * receipt queue would handle the same receipts at once).
     */
    public synchronized void start(Transport.Handler handler) throws TransportException {
        receiver = handler;
        transport(defaultSpec); // opened now unless it already was; the default consumes its source first
        startReceiving(defaultSpec, open.get(defaultSpec));
        for (Map.Entry<TransportSpec, Transport> e : open.entrySet()) {
            startReceiving(e.getKey(), e.getValue());
        }
    }

    private void startReceiving(TransportSpec spec, Transport transport) throws TransportException {
        String source = TransportCatalog.source(spec, End.ENTERPRISE);
        TransportSpec consumer = consuming.putIfAbsent(source, spec);
        if (consumer == null) {
            try {
                transport.start(receiver);
            } catch (TransportException e) {
                consuming.remove(source, spec);
                throw e;
            }
        } else if (!consumer.equals(spec)) {
            LOG.info("transport {} only sends: its receipts come from {}, which another profile already consumes", transport.name(), source);
        }
    }

    private TransportSpec specOf(Optional<EnterpriseRow> enterprise) throws TransportException {
        String profile = enterprise.map(EnterpriseRow::transportProfile).orElse(null);
        return profile == null || profile.isBlank() ? defaultSpec : TransportSpec.parse(profile, "transport profile of " + enterprise.get().dxpId());
    }

    private Transport transport(TransportSpec spec) throws TransportException {
        Transport existing = open.get(spec);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            existing = open.get(spec);
            if (existing != null) {
                return existing;
            }
            Transport transport = TransportCatalog.open(spec, End.ENTERPRISE);
            if (receiver != null) {
                try {
                    startReceiving(spec, transport);
                } catch (TransportException e) {
                    transport.close();
                    throw e;
                }
            }
            open.put(spec, transport);
            LOG.info("transport open: {}", transport.name());
            return transport;
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Transport::close);
        open.clear();
        consuming.clear();
    }
}

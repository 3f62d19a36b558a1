package io.cebgw.core.transport;

/**
 * A transport plugin: each {@code cebgw-transport-*} module registers one through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.cebgw.core.transport.TransportFactory}), and the catalogue opens transports by
 * {@link #type()} without knowing the modules.
 */
public interface TransportFactory {
    /** The {@code type=} of the configurations this factory opens: {@code folder}, {@code amqp} …. */
    String type();

    /**
     * Checks the settings without connecting: the keys the type requires, their form, no credentials written inline.
     * What only the peer can tell shows in {@link #check} or when the transport is opened.
     */
    void validate(TransportSpec spec) throws TransportException;

    /** Opens the transport at one end of the exchange (connects where the transport has a peer). */
    Transport open(TransportSpec spec, End end) throws TransportException;

    /**
     * Tests reachability and credentials without sending anything: by default opens the enterprise's end (which
     * connects, logs in and finds or declares its queues or folders) and closes it again.
     */
    default void check(TransportSpec spec) throws TransportException {
        validate(spec);
        open(spec, End.ENTERPRISE).close();
    }

    /**
     * Where the given end receives from, the same string for every spelling of the same place (a {@code queues} prefix
     * or the queue names, a relative or absolute folder): the gateway lets one transport per source consume, so that
     * the default transport and an enterprise's profile never both take receipts off one queue. By default the whole
     * configuration, which is only ever equal to itself.
     */
    default String source(TransportSpec spec, End end) throws TransportException {
        return spec.type() + " " + new java.util.TreeMap<>(spec.settings());
    }

    /**
     * Destinations of its own beside a configuration, for a self-test: the same connection, credentials and vhost, and
     * temporary queues that nothing else reads (AMQP); empty where the transport has no connection to share.
     */
    default java.util.Optional<TransportSpec> privateExchange(TransportSpec spec) throws TransportException {
        return java.util.Optional.empty();
    }

    /** Removes the temporary destinations {@link #privateExchange} made (never others). */
    default void removePrivateExchange(TransportSpec privateSpec) throws TransportException {
    }
}

package io.cebgw.transports;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.RetryPolicy;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import io.cebgw.core.transport.TransportFactory;
import io.cebgw.core.transport.TransportSpec;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Opens the transport a {@link TransportSpec} describes, at either {@link End}, through the transport plugins on the
 * class path ({@link TransportFactory}, found with {@link ServiceLoader}); this module only brings the five built-in
 * ones along. The settings of each type are listed in {@code docs/transports.md}.
 */
public final class TransportCatalog {
    private static final Map<String, TransportFactory> FACTORIES = load();
    /** The types the plugins on the class path open. */
    public static final List<String> TYPES = List.copyOf(FACTORIES.keySet());

    private TransportCatalog() {
    }

    private static Map<String, TransportFactory> load() {
        Map<String, TransportFactory> factories = new TreeMap<>();
        for (TransportFactory factory : ServiceLoader.load(TransportFactory.class, TransportCatalog.class.getClassLoader())) {
            TransportFactory before = factories.putIfAbsent(factory.type(), factory);
            if (before != null) {
                throw new IllegalStateException("two transport plugins for type " + factory.type() + ": " + before.getClass().getName()
                        + " and " + factory.getClass().getName());
            }
        }
        return factories;
    }

    public static Transport open(TransportSpec spec, End end) throws TransportException {
        return factory(spec).open(spec, end);
    }

    /**
     * Checks a configuration without connecting: a known type, the settings it requires, no credentials inline, a
     * sensible retry policy where it sets one. What only the peer can tell shows in {@link #check} or when the
     * transport is opened.
     */
    public static void validate(TransportSpec spec) throws TransportException {
        factory(spec).validate(spec);
        RetryPolicy.of(spec, RetryPolicy.DEFAULT);
    }

    /** Where the end receives from (see {@link TransportFactory#source}): equal strings mean one queue or folder. */
    public static String source(TransportSpec spec, End end) throws TransportException {
        return factory(spec).source(spec, end);
    }

    /** Temporary destinations beside a configuration (see {@link TransportFactory#privateExchange}). */
    public static java.util.Optional<TransportSpec> privateExchange(TransportSpec spec) throws TransportException {
        return factory(spec).privateExchange(spec);
    }

    public static void removePrivateExchange(TransportSpec privateSpec) throws TransportException {
        factory(privateSpec).removePrivateExchange(privateSpec);
    }

    /** Connects and logs in without sending anything (what an operator's check runs). */
    public static void check(TransportSpec spec) throws TransportException {
        RetryPolicy.of(spec, RetryPolicy.DEFAULT);
        factory(spec).check(spec); // validates the settings first, then connects
    }

    private static TransportFactory factory(TransportSpec spec) throws TransportException {
        TransportFactory factory = FACTORIES.get(spec.type());
        if (factory == null) {
            throw new TransportException(TransportProblem.UNKNOWN_TYPE.with(spec.type(), String.join(", ", TYPES)));
        }
        return factory;
    }
}

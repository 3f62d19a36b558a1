package io.cebgw.crypto.key;

import io.cebgw.core.problem.SigningProblem;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Opens the signing key a {@link KeySourceSpec} describes: {@code pkcs12}, {@code pem}, {@code jca} and
 * {@code pkcs11} built in, every other type from the {@link KeySourceFactory} plugins on the class path.
 */
public final class KeySources {
    private static final Map<String, KeySourceFactory> FACTORIES = load();
    private final Function<String, String> environment;

    public KeySources() {
        this(System::getenv);
    }

    /** @param environment where {@code *.env} secret references are looked up (tests pass a map) */
    public KeySources(Function<String, String> environment) {
        this.environment = environment;
    }

    private static Map<String, KeySourceFactory> load() {
        Map<String, KeySourceFactory> factories = new TreeMap<>();
        for (KeySourceFactory f : List.of(builtIn("pkcs12", Pkcs12KeySource::open), builtIn("pem", PemKeySource::open),
                builtIn("jca", JcaKeyStoreSource::open), builtIn("pkcs11", Pkcs11KeySource::open))) {
            factories.put(f.type(), f);
        }
        for (KeySourceFactory f : ServiceLoader.load(KeySourceFactory.class, KeySources.class.getClassLoader())) {
            if (factories.putIfAbsent(f.type(), f) != null) {
                throw new IllegalStateException("two key source plugins for type " + f.type());
            }
        }
        return factories;
    }

    /** The types of key source this gateway opens. */
    public static List<String> types() {
        return List.copyOf(FACTORIES.keySet());
    }

    public SigningKey open(KeySourceSpec spec) throws KeySourceException {
        return factory(spec).open(spec, environment);
    }

    private static KeySourceFactory factory(KeySourceSpec spec) throws KeySourceException {
        KeySourceFactory factory = FACTORIES.get(spec.type());
        if (factory == null) {
            throw new KeySourceException(SigningProblem.UNKNOWN_KEY_SOURCE.with(spec.type(), String.join(", ", types())));
        }
        return factory;
    }

    /**
     * A key for a certificate request: like {@link #open}, except that a device key ({@code sdf}) may have no
     * certificate yet.
     */
    public SigningKey openForRequest(KeySourceSpec spec) throws KeySourceException {
        return factory(spec).openForRequest(spec, environment);
    }

    /** A built-in source as a factory. */
    private static KeySourceFactory builtIn(String type, Opener opener) {
        return new KeySourceFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public SigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
                return opener.open(spec, environment);
            }
        };
    }

    @FunctionalInterface
    private interface Opener {
        SigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException;
    }
}

package io.cebgw.crypto.key;

import java.util.function.Function;

/**
 * A kind of key source: the built-in file, JCA and PKCS#11 sources, and those registered through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.cebgw.crypto.key.KeySourceFactory}: the E-Port card,
 * the GM/T 0018 encryption machine, and any device a later module adds) — so {@link KeySources} never names them.
 */
public interface KeySourceFactory {
    /** The {@code type=} of the configurations this factory opens. */
    String type();

    /** Opens the key; {@code environment} resolves {@code *.env} secret references. */
    SigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException;

    /**
     * Opens the key to sign a certificate request: the same as {@link #open} for keys that come with their certificate;
     * a device key may have none yet.
     */
    default SigningKey openForRequest(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        return open(spec, environment);
    }
}

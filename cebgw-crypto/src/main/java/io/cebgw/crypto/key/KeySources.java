package io.cebgw.crypto.key;

import io.cebgw.core.problem.SigningProblem;
import io.cebgw.crypto.card.CardSigningKey;

import java.util.function.Function;

/** Opens the signing key a {@link KeySourceSpec} describes. */
public final class KeySources {
    private final Function<String, String> environment;

    public KeySources() {
        this(System::getenv);
    }

    /** @param environment where {@code *.env} secret references are looked up (tests pass a map) */
    public KeySources(Function<String, String> environment) {
        this.environment = environment;
    }

    public SigningKey open(KeySourceSpec spec) throws KeySourceException {
        return switch (spec.type()) {
            case "pkcs12" -> Pkcs12KeySource.open(spec, environment);
            case "pem" -> PemKeySource.open(spec, environment);
            case "jca" -> JcaKeyStoreSource.open(spec, environment);
            case "pkcs11" -> Pkcs11KeySource.open(spec, environment);
            case "card" -> CardSigningKey.open(spec, environment);
            default -> throw new KeySourceException(SigningProblem.UNKNOWN_KEY_SOURCE.with(spec.type(), "pkcs12, pem, jca, pkcs11, card"));
        };
    }
}

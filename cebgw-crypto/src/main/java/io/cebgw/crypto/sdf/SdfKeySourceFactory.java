package io.cebgw.crypto.sdf;

import io.cebgw.core.problem.SigningProblem;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.KeySourceFactory;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.Pem;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Function;

/**
 * An SM2 key in an encryption machine through its GM/T 0018 SDF library. Settings: {@code library} (the vendor's
 * {@code .so}; its device address and credentials stay in the vendor's own configuration file), {@code key-index},
 * {@code password.env|file} (the key's access password), {@code certificate} (the PEM the data sub-center issued for
 * the device key; absent only while requesting one), {@code sessions} (how many threads sign at once, default 4),
 * {@code ecc-max-len} (32 or 64; detected when absent).
 */
public final class SdfKeySourceFactory implements KeySourceFactory {
    private static final int DEFAULT_SESSIONS = 4;

    @Override
    public String type() {
        return "sdf";
    }

    @Override
    public SdfSigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        return open(spec, environment, true);
    }

    /** Without {@code certificate=}, for the key's first certificate request. */
    @Override
    public SdfSigningKey openForRequest(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        return open(spec, environment, false);
    }

    /** @param certificateRequired false to open a key that has no certificate yet (for its certificate request) */
    private static SdfSigningKey open(KeySourceSpec spec, Function<String, String> environment, boolean certificateRequired) throws KeySourceException {
        String library = spec.require("library");
        int keyIndex = number(spec, "key-index", -1);
        if (keyIndex < 1) {
            throw new KeySourceException(SigningProblem.CONFIGURATION_INVALID.with("sdf", "key-index=" + spec.get("key-index") + " (1, 2, …)"));
        }
        int sessions = number(spec, "sessions", DEFAULT_SESSIONS);
        if (sessions < 1 || sessions > 256) {
            throw new KeySourceException(SigningProblem.CONFIGURATION_INVALID.with("sdf", "sessions=" + sessions + " (1 … 256)"));
        }
        EccLayout layout = layout(spec);
        String certificatePath = certificateRequired ? spec.require("certificate") : spec.get("certificate");
        X509Certificate certificate = certificatePath == null ? null : Pem.readCertificate(Path.of(certificatePath));
        char[] password = spec.secret("password", environment);
        try {
            return SdfSigningKey.open(SdfDevice.of(library), keyIndex, password, certificate, layout, sessions);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static EccLayout layout(KeySourceSpec spec) throws KeySourceException {
        String value = spec.get("ecc-max-len");
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "64" -> EccLayout.GMT_0018;
            case "32" -> EccLayout.BITS_256;
            default -> throw new KeySourceException(SigningProblem.CONFIGURATION_INVALID.with("sdf", "ecc-max-len=" + value + " (32 or 64)"));
        };
    }

    private static int number(KeySourceSpec spec, String key, int fallback) throws KeySourceException {
        String value = spec.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new KeySourceException(SigningProblem.CONFIGURATION_INVALID.with("sdf", key + "=" + value));
        }
    }
}

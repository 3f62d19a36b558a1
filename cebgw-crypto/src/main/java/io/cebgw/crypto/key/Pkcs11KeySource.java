package io.cebgw.crypto.key;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.SigningProblem;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A key in an HSM through the JDK's SunPKCS11 provider. Settings: {@code library} (the vendor's PKCS#11 module,
 * e.g. {@code /usr/lib/softhsm/libsofthsm2.so}), {@code slot} (slot id) or
 * {@code slotListIndex}, {@code alias}, {@code pin.env|file}.
 * One provider instance is kept per library and slot, as PKCS#11 modules do not like being initialised twice.
 */
final class Pkcs11KeySource {
    private static final ConcurrentMap<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private Pkcs11KeySource() {
    }

    static JcaSigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        String config = config(spec);
        Provider provider = PROVIDERS.computeIfAbsent(config, Pkcs11KeySource::configure);
        if (provider == null) {
            throw new KeySourceException(SigningProblem.PKCS11_MODULE.with(spec.get("library")));
        }
        char[] pin = spec.secret("pin", environment);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return KeyStoreEntry.signingKey(store, spec, null, provider, "PKCS#11 " + provider.getName());
        } catch (IOException | GeneralSecurityException e) {
            throw new KeySourceException(SigningProblem.KEY_STORE_LOCKED.with(new Localized("PKCS#11 令牌（" + e.getMessage() + "）",
                    "the PKCS#11 token (" + e.getMessage() + ")")), e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static String config(KeySourceSpec spec) throws KeySourceException {
        StringBuilder config = new StringBuilder("--name=cebgw").append(Integer.toHexString(spec.require("library").hashCode()));
        config.append("\nlibrary=").append(spec.require("library"));
        if (spec.get("slot") != null) {
            config.append("\nslot=").append(spec.get("slot"));
        } else if (spec.get("slotListIndex") != null) {
            config.append("\nslotListIndex=").append(spec.get("slotListIndex"));
        }
        return config.append('\n').toString();
    }

    private static Provider configure(String config) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            return null;
        }
        try {
            return base.configure(config);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

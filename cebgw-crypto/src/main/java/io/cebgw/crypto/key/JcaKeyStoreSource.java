package io.cebgw.crypto.key;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.SigningProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Any JCA provider by class name with its key store type: how vendor encryption-machine JCEs (服务类密码设备) plug
 * in. Settings: {@code provider.class}, optional {@code provider.config} (passed to {@link Provider#configure}),
 * {@code keystore.type}, optional {@code path} (key store file), {@code alias}, {@code password.env|file}.
 */
final class JcaKeyStoreSource {
    private JcaKeyStoreSource() {
    }

    static JcaSigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        Provider provider = provider(spec);
        String type = spec.require("keystore.type");
        char[] password = spec.secret("password", environment);
        String path = spec.get("path");
        try {
            KeyStore store = KeyStore.getInstance(type, provider);
            if (path == null) {
                store.load(null, password);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(path))) {
                    store.load(in, password);
                }
            }
            return KeyStoreEntry.signingKey(store, spec, password, provider, provider.getName() + " " + type);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeySourceException(SigningProblem.KEY_STORE_LOCKED.with(new Localized(provider.getName() + " 的密钥库 " + type + "（" + e.getMessage() + "）",
                    "the " + type + " key store of " + provider.getName() + " (" + e.getMessage() + ")")), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Provider provider(KeySourceSpec spec) throws KeySourceException {
        String className = spec.require("provider.class");
        try {
            Provider provider = (Provider) Class.forName(className).getDeclaredConstructor().newInstance();
            String config = spec.get("provider.config");
            if (config != null) {
                provider = provider.configure(config);
            }
            Provider installed = Security.getProvider(provider.getName());
            if (installed == null) {
                Security.addProvider(provider);
                return provider;
            }
            return config == null ? installed : provider;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new KeySourceException(SigningProblem.JCA_PROVIDER_MISSING.with(className), e);
        } catch (RuntimeException e) {
            throw new KeySourceException(SigningProblem.JCA_PROVIDER_CONFIGURATION.with(className, e.getMessage()), e);
        }
    }
}

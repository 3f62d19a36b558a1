package io.cebgw.crypto.key;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.SigningProblem;
import io.cebgw.crypto.CryptoProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.function.Function;

/** A PKCS#12 file (.p12/.pfx) with an RSA or SM2 key; read with BouncyCastle, which knows the SM2 curve. */
final class Pkcs12KeySource {
    private Pkcs12KeySource() {
    }

    static JcaSigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        Path path = Path.of(spec.require("path"));
        char[] password = spec.secret("password", environment);
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12", CryptoProvider.bc());
            store.load(in, password);
            return KeyStoreEntry.signingKey(store, spec, password, CryptoProvider.bc(), "PKCS#12 " + path);
        } catch (NoSuchFileException e) {
            throw new KeySourceException(SigningProblem.KEY_FILE_MISSING.with(path), e);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeySourceException(SigningProblem.KEY_STORE_LOCKED.with(new Localized("PKCS#12 文件 " + path, "the PKCS#12 file " + path)), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}

package io.cebgw.crypto.key;

import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.key.Pem;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A PEM private key (PKCS#8, encrypted PKCS#8, or the traditional RSA/EC forms) and its certificate, either in
 * the same file or in {@code certificate=<file>}.
 */
final class PemKeySource {
    private PemKeySource() {
    }

    static JcaSigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        Path keyFile = Path.of(spec.require("path"));
        Path certFile = Path.of(spec.getOrDefault("certificate", keyFile.toString()));
        char[] password = spec.secret("password", environment);
        try {
            PrivateKey key = Pem.readPrivateKey(keyFile, password);
            X509Certificate certificate = Pem.readCertificate(certFile);
            String description = "PEM " + keyFile;
            return new JcaSigningKey(key, certificate, KeyStoreEntry.suite(spec, certificate, description),
                    CryptoProvider.bc(), description);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}

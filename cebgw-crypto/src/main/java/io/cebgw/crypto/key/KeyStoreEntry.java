package io.cebgw.crypto.key;

import io.cebgw.core.problem.SigningProblem;
import io.cebgw.crypto.SignatureSuite;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

/** Takes the private key and certificate of one entry of a loaded key store (the named alias or the first key). */
final class KeyStoreEntry {
    private KeyStoreEntry() {
    }

    static JcaSigningKey signingKey(KeyStore store, KeySourceSpec spec, char[] password, Provider signatureProvider,
                                    String description) throws KeySourceException {
        try {
            String alias = spec.get("alias");
            if (alias == null) {
                alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                        .orElseThrow(() -> new KeySourceException(SigningProblem.NO_PRIVATE_KEY.with(description)));
            } else if (!store.containsAlias(alias) || !store.isKeyEntry(alias)) {
                throw new KeySourceException(SigningProblem.NO_SUCH_ALIAS.with(alias, description));
            }
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw new KeySourceException(SigningProblem.ENTRY_INCOMPLETE.with(alias, description));
            }
            return new JcaSigningKey(privateKey, x509, suite(spec, x509, description), signatureProvider,
                    description + " [" + alias + "]");
        } catch (GeneralSecurityException e) {
            throw new KeySourceException(SigningProblem.KEY_STORE_LOCKED.with(description), e);
        }
    }

    static SignatureSuite suite(KeySourceSpec spec, X509Certificate certificate, String description)
            throws KeySourceException {
        SignatureSuite fromKey = SignatureSuite.forKey(certificate.getPublicKey()).orElseThrow(() ->
                new KeySourceException(SigningProblem.UNSUPPORTED_KEY.with(description, certificate.getPublicKey().getAlgorithm())));
        SignatureSuite asked = spec.suite().orElse(fromKey);
        if (asked != fromKey) {
            throw new KeySourceException(SigningProblem.SUITE_MISMATCH.with(asked, fromKey));
        }
        return asked;
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

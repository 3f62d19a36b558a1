package io.cebgw.crypto.cert;

import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.key.JcaSigningKey;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A freshly generated key pair with its certificate (self-signed, or issued by a test CA). */
public record GeneratedKey(KeyPair keyPair, X509Certificate certificate, SignatureSuite suite) {
    /** The key as a signer, the way a PKCS#12 file of it would be opened. */
    public JcaSigningKey signingKey() {
        return new JcaSigningKey(keyPair.getPrivate(), certificate, suite, CryptoProvider.bc(), "generated " + suite + " key");
    }
}

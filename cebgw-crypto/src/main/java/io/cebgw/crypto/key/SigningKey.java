package io.cebgw.crypto.key;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.CertNo;
import io.cebgw.crypto.SignatureSuite;

import java.security.cert.X509Certificate;

/**
 * A private key that can sign, wherever it lives (a file, a vendor JCE, an HSM over PKCS#11, an E-Port card), with
 * the certificate that goes into KeyInfo.
 */
public interface SigningKey extends AutoCloseable {
    SignatureSuite suite();

    X509Certificate certificate();

    /** The public key: the certificate's (a device key without a certificate yet knows its own). */
    default java.security.PublicKey publicKey() {
        return certificate().getPublicKey();
    }

    /** KeyName: the certificate serial as the card prints it. */
    default String certNo() {
        return CertNo.of(certificate());
    }

    /**
     * Hashes and signs the data; returns the value exactly as it goes into SignatureValue (raw r‖s for SM2,
     * a PKCS#1 v1.5 block for RSA).
     */
    byte[] sign(byte[] data) throws SigningException;

    /** Where the key lives, for logs and reports (never a secret). */
    String description();

    @Override
    default void close() {
    }
}

package io.cebgw.transport.as2;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * One side of an AS2 partnership as this end knows it: its AS2 id and certificate, and — for this end itself — the
 * private key that signs outgoing messages and MDNs and decrypts incoming messages.
 */
public record As2Party(String as2Id, X509Certificate certificate, PrivateKey key) {
    public As2Party {
        if (as2Id == null || as2Id.isBlank()) {
            throw new IllegalArgumentException("an AS2 party needs an AS2 id");
        }
        if (certificate == null) {
            throw new IllegalArgumentException("the AS2 party " + as2Id + " needs a certificate");
        }
    }

    /** A partner: known by its certificate only. */
    public static As2Party partner(String as2Id, X509Certificate certificate) {
        return new As2Party(as2Id, certificate, null);
    }

    @Override
    public String toString() {
        return as2Id; // never the key
    }
}

package io.cebgw.crypto.cert;

import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

/**
 * PKCS#10 certificate requests for the data sub-center (数据分中心): new, and renewal (延期) with the subject of
 * the current certificate. SM2 requests follow GM/T 0092-2020: id-ecPublicKey on the SM2 curve, signed with
 * SM3withSM2 (OID 1.2.156.10197.1.501) using the default user id 1234567812345678, DER signature value.
 */
public final class CertificateRequests {
    private CertificateRequests() {
    }

    public static PKCS10CertificationRequest create(String subject, PublicKey publicKey, PrivateKey privateKey,
                                                    SignatureSuite suite) {
        return build(new X500Name(subject), publicKey, privateKey, suite);
    }

    /** A renewal request: the same subject as {@code current}, signed by the (new or same) key. */
    public static PKCS10CertificationRequest renew(X509Certificate current, PublicKey publicKey, PrivateKey privateKey,
                                                   SignatureSuite suite) {
        return build(X500Name.getInstance(current.getSubjectX500Principal().getEncoded()), publicKey, privateKey, suite);
    }

    public static String pem(PKCS10CertificationRequest request) {
        try {
            return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PKCS10CertificationRequest build(X500Name subject, PublicKey publicKey, PrivateKey privateKey,
                                                    SignatureSuite suite) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, publicKey).build(
                    new JcaContentSignerBuilder(KeyPairs.certificateSignature(suite)).setProvider(CryptoProvider.bc())
                            .build(privateKey));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the certificate request", e);
        }
    }
}

package io.cebgw.crypto.cert;

import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.key.Pem;
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

    /** A request as written to the .csr file, with what an operator checks before handing it in. */
    public record Request(String pem, String subject, String signatureAlgorithm) {
    }

    public static Request create(String subject, PublicKey publicKey, PrivateKey privateKey, SignatureSuite suite) {
        return build(new X500Name(subject), publicKey, privateKey, suite);
    }

    /** A renewal request: the same subject as {@code current}, signed by the (new or same) key. */
    public static Request renew(X509Certificate current, PublicKey publicKey, PrivateKey privateKey, SignatureSuite suite) {
        return build(X500Name.getInstance(current.getSubjectX500Principal().getEncoded()), publicKey, privateKey, suite);
    }

    private static Request build(X500Name subject, PublicKey publicKey, PrivateKey privateKey, SignatureSuite suite) {
        try {
            String algorithm = KeyPairs.certificateSignature(suite);
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, publicKey).build(
                    new JcaContentSignerBuilder(algorithm).setProvider(CryptoProvider.bc()).build(privateKey));
            return new Request(Pem.encode("CERTIFICATE REQUEST", request.getEncoded()), request.getSubject().toString(),
                    algorithm + " (" + request.getSignatureAlgorithm().getAlgorithm().getId() + ")");
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot sign the certificate request", e);
        }
    }
}

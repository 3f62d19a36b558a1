package io.cebgw.crypto.cert;

import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.key.Pem;
import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.Sm2SignatureEncoding;
import io.cebgw.crypto.key.SigningKey;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
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

    /**
     * A request signed by {@code key}: with its private key where the gateway holds it (a file), else inside the
     * encryption machine (SM3withSM2 over the request, computed by the device, DER-encoded). {@code current} null for a new request with {@code subject}.
     */
    public static Request create(String subject, X509Certificate current, SigningKey key) {
        if (key instanceof io.cebgw.crypto.key.JcaSigningKey jca) {
            return current != null ? renew(current, key.publicKey(), jca.privateKey(), key.suite()) : create(subject, key.publicKey(), jca.privateKey(), key.suite());
        }
        if (!(key instanceof io.cebgw.crypto.sdf.SdfSigningKey)) {
            throw new IllegalStateException("this key source (" + key.description() + ") cannot sign a request here (a card's certificate comes with the card)");
        }
        X500Name name = current != null ? X500Name.getInstance(current.getSubjectX500Principal().getEncoded()) : new X500Name(subject);
        try {
            PKCS10CertificationRequest request = new PKCS10CertificationRequestBuilder(name, SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()))
                    .build(new DeviceContentSigner(key));
            return new Request(Pem.encode("CERTIFICATE REQUEST", request.getEncoded()), request.getSubject().toString(),
                    "SM3withSM2 (" + request.getSignatureAlgorithm().getAlgorithm().getId() + ", " + key.description() + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the certificate request", e);
        }
    }

    /** SM3withSM2 by a {@link SigningKey}: it hashes (with Z) and signs; the raw r‖s becomes the DER value X.509 wants. */
    private static final class DeviceContentSigner implements ContentSigner {
        private final SigningKey key;
        private final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();

        DeviceContentSigner(SigningKey key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            try {
                return Sm2SignatureEncoding.toDer(key.sign(data.toByteArray()));
            } catch (SigningException e) {
                throw new IllegalStateException(e.describe(java.util.Locale.ENGLISH), e);
            }
        }
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

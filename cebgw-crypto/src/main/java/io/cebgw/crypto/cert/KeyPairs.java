package io.cebgw.crypto.cert;

import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Generates RSA-2048 and SM2 key pairs with a certificate, and writes them to PKCS#12. Used by {@code cebgw keygen},
 * by the demo's test certificate and by tests. Real certificates come from the China E-Port CA through a
 * certificate request ({@link CertificateRequests}); a self-signed one is for the sandbox and joint-test rehearsal.
 */
public final class KeyPairs {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    public static KeyPair generate(SignatureSuite suite) {
        try {
            if (suite == SignatureSuite.SM2_SM3) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProvider.bc());
                generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + suite + " key pair", e);
        }
    }

    /** A new key pair with a self-signed end-entity certificate. */
    public static GeneratedKey selfSigned(SignatureSuite suite, String subject, Duration validity) {
        KeyPair pair = generate(suite);
        X509Certificate certificate = certificate(new X500Name(subject), pair, new X500Name(subject), pair.getPrivate(),
                suite, validity, false, randomSerial());
        return new GeneratedKey(pair, certificate, suite);
    }

    /** A new CA key pair with a self-signed CA certificate (for test PKIs and the sandbox). */
    public static GeneratedKey certificateAuthority(SignatureSuite suite, String subject, Duration validity) {
        KeyPair pair = generate(suite);
        X509Certificate certificate = certificate(new X500Name(subject), pair, new X500Name(subject), pair.getPrivate(),
                suite, validity, true, randomSerial());
        return new GeneratedKey(pair, certificate, suite);
    }

    /** A new key pair with a certificate issued by {@code ca}; {@code serial} may be chosen (e.g. with a leading zero byte). */
    public static GeneratedKey issuedBy(GeneratedKey ca, SignatureSuite suite, String subject, Duration validity,
                                        BigInteger serial) {
        KeyPair pair = generate(suite);
        X509Certificate certificate = certificate(new X500Name(subject), pair,
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.keyPair().getPrivate(),
                ca.suite(), validity, false, serial);
        return new GeneratedKey(pair, certificate, suite);
    }

    /**
     * A certificate from {@code ca} for a public key whose private half lives elsewhere (an encryption machine's key,
     * as the data sub-center certifies it from a request): for test PKIs and the sandbox.
     */
    public static X509Certificate certify(GeneratedKey ca, PublicKey subjectKey, String subject, Duration validity) {
        return certificate(new X500Name(subject), new KeyPair(subjectKey, null),
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.keyPair().getPrivate(), ca.suite(), validity,
                false, randomSerial());
    }

    /** Writes key and certificate as PKCS#12 (PBES2/AES-256, readable by OpenSSL 3) with an atomic rename. */
    public static void writePkcs12(GeneratedKey key, Path file, char[] password, String alias) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12-AES256-AES128", CryptoProvider.bc());
            store.load(null, null);
            store.setKeyEntry(alias, key.keyPair().getPrivate(), password, new X509Certificate[] {key.certificate()});
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".keygen", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    store.store(out, password);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write PKCS#12 " + file + ": " + e.getMessage(), e);
        }
    }

    static BigInteger randomSerial() {
        return new BigInteger(63, RANDOM).setBit(56);
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                               SignatureSuite issuerSuite, Duration validity, boolean ca, BigInteger serial) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().setProvider(CryptoProvider.bc()).getCertificate(
                    builder.build(new JcaContentSignerBuilder(certificateSignature(issuerSuite))
                            .setProvider(CryptoProvider.bc()).build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the certificate", e);
        }
    }

    /** Certificates and requests are signed with SM3withSM2 or SHA256withRSA (never SHA-1 for new material). */
    static String certificateSignature(SignatureSuite suite) {
        return suite == SignatureSuite.SM2_SM3 ? "SM3withSM2" : "SHA256withRSA";
    }
}

package io.cebgw.crypto.key;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.SigningProblem;
import io.cebgw.crypto.CryptoProvider;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads and writes PEM (and DER) keys and certificates, SM2 included. */
public final class Pem {
    private Pem() {
    }

    /** The first private key in a PEM file; {@code password} is used when the key is encrypted. */
    public static PrivateKey readPrivateKey(Path file, char[] password) throws KeySourceException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoProvider.bc());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(CryptoProvider.bc()).build(password)));
                }
                if (item instanceof PEMEncryptedKeyPair encrypted) {
                    return converter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(CryptoProvider.bc()).build(password))).getPrivate();
                }
            }
        } catch (NoSuchFileException e) {
            throw new KeySourceException(SigningProblem.KEY_FILE_MISSING.with(file), e);
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.pkcs.PKCSException | RuntimeException e) {
            throw new KeySourceException(SigningProblem.KEY_STORE_LOCKED.with(new Localized("PEM 私钥 " + file, "the PEM private key " + file)), e);
        }
        throw new KeySourceException(SigningProblem.NO_PRIVATE_KEY.with(file));
    }

    /** The first certificate in a PEM or DER file. */
    public static X509Certificate readCertificate(Path file) throws KeySourceException {
        List<X509Certificate> all = readCertificates(file);
        if (all.isEmpty()) {
            throw new KeySourceException(SigningProblem.NO_CERTIFICATE.with(file));
        }
        return all.get(0);
    }

    /** Every certificate in a PEM (one or more blocks) or DER file. */
    public static List<X509Certificate> readCertificates(Path file) throws KeySourceException {
        try {
            return parseCertificates(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new KeySourceException(SigningProblem.CERTIFICATE_FILE_MISSING.with(file), e);
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new KeySourceException(SigningProblem.CERTIFICATE_UNREADABLE.with(file), e);
        }
    }

    /** Certificates from PEM or DER bytes. */
    public static List<X509Certificate> parseCertificates(byte[] bytes) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509", CryptoProvider.bc());
        List<X509Certificate> result = new ArrayList<>();
        for (java.security.cert.Certificate c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
            result.add((X509Certificate) c);
        }
        return result;
    }

    /** One certificate from base64 DER, as in {@code ds:X509Certificate} (line breaks allowed). */
    public static X509Certificate fromBase64(String base64) throws CertificateException {
        byte[] der = Base64.getMimeDecoder().decode(base64);
        List<X509Certificate> certs = parseCertificates(der);
        if (certs.size() != 1) {
            throw new CertificateException("expected one certificate, found " + certs.size());
        }
        return certs.get(0);
    }

    /** A public key from a PEM SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}). */
    public static PublicKey readPublicKey(Path file) throws KeySourceException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object item = parser.readObject();
            if (item instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info) {
                return new JcaPEMKeyConverter().setProvider(CryptoProvider.bc()).getPublicKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new KeySourceException(SigningProblem.PUBLIC_KEY_UNREADABLE.with(file), e);
        }
        throw new KeySourceException(SigningProblem.PUBLIC_KEY_UNREADABLE.with(file));
    }

    /** PEM text of one DER object ({@code type} e.g. {@code CERTIFICATE}, {@code CERTIFICATE REQUEST}). */
    public static String encode(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}

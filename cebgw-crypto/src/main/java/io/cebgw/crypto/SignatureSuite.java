package io.cebgw.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;
import java.util.Optional;

/**
 * The two signature rules of the 202205 spec (§6): 国密 SM2/SM3 (certificates issued from 2022-07-01) and
 * 通用 RSA/SHA-1 (older certificates, until they expire). Each fixes its SignatureMethod and DigestMethod URIs.
 */
public enum SignatureSuite {
    SM2_SM3("SM2", XmlDsigUris.SM2_SM3, XmlDsigUris.SM3, "SM3", "SM3withSM2", 32),
    RSA_SHA1("RSA", XmlDsigUris.RSA_SHA1, XmlDsigUris.SHA1, "SHA-1", "SHA1withRSA", 20);

    private final String keyAlgorithm;
    private final String signatureUri;
    private final String digestUri;
    private final String digestName;
    private final String jcaSignature;
    private final int digestLength;

    SignatureSuite(String keyAlgorithm, String signatureUri, String digestUri, String digestName, String jcaSignature,
                   int digestLength) {
        this.keyAlgorithm = keyAlgorithm;
        this.signatureUri = signatureUri;
        this.digestUri = digestUri;
        this.digestName = digestName;
        this.jcaSignature = jcaSignature;
        this.digestLength = digestLength;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public String signatureUri() {
        return signatureUri;
    }

    public String digestUri() {
        return digestUri;
    }

    /** The JCA name of the signature (hash and sign), e.g. {@code SM3withSM2}. */
    public String jcaSignature() {
        return jcaSignature;
    }

    /** Bytes of the digest value the DigestMethod URI promises. */
    public int digestLength() {
        return digestLength;
    }

    public MessageDigest newDigest() {
        try {
            return this == SM2_SM3 ? MessageDigest.getInstance(digestName, CryptoProvider.bc())
                    : MessageDigest.getInstance(digestName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digestName + " is not available", e);
        }
    }

    /** The suite a key belongs to: EC keys on the SM2 curve are SM2, RSA keys are RSA. */
    public static Optional<SignatureSuite> forKey(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return Optional.of(RSA_SHA1);
        }
        if (key instanceof ECPublicKey ec && Sm2Curve.matches(ec.getParams())) {
            return Optional.of(SM2_SM3);
        }
        return Optional.empty();
    }

    /** Parses {@code sm2} or {@code rsa} (any case). */
    public static Optional<SignatureSuite> byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sm2", "sm2-sm3", "sm2_sm3" -> Optional.of(SM2_SM3);
            case "rsa", "rsa-sha1", "rsa_sha1" -> Optional.of(RSA_SHA1);
            default -> Optional.empty();
        };
    }
}

package io.cebgw.crypto.key;

import io.cebgw.core.problem.SigningProblem;
import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.Sm2SignatureEncoding;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** A key reachable through the JCA: software keys (BouncyCastle), vendor encryption-machine JCEs, SunPKCS11. */
public final class JcaSigningKey implements SigningKey {
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final SignatureSuite suite;
    private final Provider provider;
    private final String description;
    /** Signature objects are not thread-safe and cost a provider lookup to create: one per thread, initialised once. */
    private final ThreadLocal<Signature> signatures = new ThreadLocal<>();

    /**
     * @param provider the provider that holds the key (BouncyCastle for software SM2 keys); {@code null} lets the
     *                 JCA pick the first provider that accepts the key
     */
    public JcaSigningKey(PrivateKey privateKey, X509Certificate certificate, SignatureSuite suite, Provider provider,
                         String description) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.suite = suite;
        this.provider = provider;
        this.description = description;
    }

    @Override
    public SignatureSuite suite() {
        return suite;
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public byte[] sign(byte[] data) throws SigningException {
        try {
            Signature signature = signatures.get();
            if (signature == null) {
                signature = provider == null ? Signature.getInstance(suite.jcaSignature())
                        : Signature.getInstance(suite.jcaSignature(), provider);
                signature.initSign(privateKey);
                signatures.set(signature);
            }
            signature.update(data);
            byte[] value = signature.sign();
            return suite == SignatureSuite.SM2_SM3 ? Sm2SignatureEncoding.toRaw(value) : value;
        } catch (GeneralSecurityException | RuntimeException e) {
            signatures.remove();
            throw new SigningException(SigningProblem.SIGNING_FAILED.with(description, e.getMessage()), e);
        }
    }

    @Override
    public String description() {
        return description;
    }

    /** The private key, for tools that also need it (CSR generation); never logged. */
    public PrivateKey privateKey() {
        return privateKey;
    }
}

package io.cebgw.crypto.key;

import io.cebgw.crypto.SignatureSuite;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

/** Takes the private key and certificate of one entry of a loaded key store (the named alias or the first key). */
final class KeyStoreEntry {
    private KeyStoreEntry() {
    }

    static JcaSigningKey signingKey(KeyStore store, KeySourceSpec spec, char[] password, Provider signatureProvider,
                                    String description) throws KeySourceException {
        try {
            String alias = spec.get("alias");
            if (alias == null) {
                alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                        .orElseThrow(() -> new KeySourceException("CEB-K004", description + " 中没有私钥",
                                "no private key in " + description));
            } else if (!store.containsAlias(alias) || !store.isKeyEntry(alias)) {
                throw new KeySourceException("CEB-K004", description + " 中没有别名为 " + alias + " 的私钥",
                        "no private key with alias " + alias + " in " + description);
            }
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw new KeySourceException("CEB-K004", description + " 的条目 " + alias + " 缺少私钥或 X.509 证书",
                        "entry " + alias + " of " + description + " lacks a private key or an X.509 certificate");
            }
            return new JcaSigningKey(privateKey, x509, suite(spec, x509, description), signatureProvider,
                    description + " [" + alias + "]");
        } catch (GeneralSecurityException e) {
            throw new KeySourceException("CEB-K003", "无法取出 " + description + " 中的私钥（密码错误？）",
                    "cannot recover the private key in " + description + " (wrong password?)", e);
        }
    }

    static SignatureSuite suite(KeySourceSpec spec, X509Certificate certificate, String description)
            throws KeySourceException {
        SignatureSuite fromKey = SignatureSuite.forKey(certificate.getPublicKey()).orElseThrow(() ->
                new KeySourceException("CEB-K005", description + " 的密钥算法 " + certificate.getPublicKey().getAlgorithm()
                        + " 不能用于 CEB 签名（只支持 SM2 和 RSA）",
                        "the key algorithm " + certificate.getPublicKey().getAlgorithm() + " of " + description
                                + " cannot sign CEB messages (SM2 and RSA only)"));
        SignatureSuite asked = spec.suite().orElse(fromKey);
        if (asked != fromKey) {
            throw new KeySourceException("CEB-K005", "配置的签名算法 " + asked + " 与密钥类型 " + fromKey + " 不符",
                    "the configured suite " + asked + " does not fit the key (" + fromKey + ")");
        }
        return asked;
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

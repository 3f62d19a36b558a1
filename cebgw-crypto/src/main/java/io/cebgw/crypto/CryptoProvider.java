package io.cebgw.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * The BouncyCastle provider used for SM2, SM3 and PKCS#12 files with SM2 keys. It is passed to each JCA call
 * and never installed globally, so the JDK's own providers (and SunPKCS11) keep their usual order.
 */
public final class CryptoProvider {
    private static final Provider BC = new BouncyCastleProvider();

    private CryptoProvider() {
    }

    public static Provider bc() {
        return BC;
    }
}

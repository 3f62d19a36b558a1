package io.cebgw.crypto;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The certificate number that goes into KeyName: the serial in lowercase hex, left-padded to whole bytes, exactly
 * as the E-Port card and {@code openssl x509 -serial} print it ({@code 01691f7f}, {@code 03000000000cde6f}).
 * {@code BigInteger.toString(16)} alone drops the leading zero, a known cause of 签名错误.
 */
public final class CertNo {
    private CertNo() {
    }

    public static String of(X509Certificate certificate) {
        return of(certificate.getSerialNumber());
    }

    public static String of(BigInteger serial) {
        String hex = serial.toString(16).toLowerCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }
}

package io.cebgw.crypto;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * SM2 signatures in XML are 64 bytes raw {@code r‖s}; JCA providers produce and expect ASN.1 DER
 * {@code SEQUENCE { r INTEGER, s INTEGER }}. This converts between the two.
 */
public final class Sm2SignatureEncoding {
    public static final int RAW_LENGTH = 64;

    private Sm2SignatureEncoding() {
    }

    /** DER (as providers return it) to raw r‖s; a value that is already 64 raw bytes is returned as is. */
    public static byte[] toRaw(byte[] signature) {
        if (signature.length == RAW_LENGTH) {
            return signature.clone();
        }
        if (parseDer(signature).isEmpty()) {
            throw new IllegalArgumentException("not an SM2 signature: " + signature.length + " bytes");
        }
        byte[] raw = new byte[RAW_LENGTH];
        int rLength = signature[3];
        int sAt = 4 + rLength;
        copyRightAligned(signature, 4, rLength, raw, 0);
        copyRightAligned(signature, sAt + 2, signature[sAt + 1], raw, 32);
        return raw;
    }

    /** Copies a DER integer's magnitude into 32 bytes, dropping its sign byte and left-padding with zeros. */
    private static void copyRightAligned(byte[] der, int from, int length, byte[] raw, int at) {
        while (length > 32 && der[from] == 0) {
            from++;
            length--;
        }
        if (length > 32) {
            throw new IllegalArgumentException("SM2 signature integer longer than 32 bytes");
        }
        System.arraycopy(der, from, raw, at + 32 - length, length);
    }

    /** Raw r‖s to DER, for verifying with a JCA provider. */
    public static byte[] toDer(byte[] raw) {
        if (raw.length != RAW_LENGTH) {
            throw new IllegalArgumentException("raw SM2 signatures have 64 bytes, not " + raw.length);
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64));
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the bytes are a DER {@code SEQUENCE} of two integers (the form the spec does not allow in XML). */
    public static boolean isDer(byte[] signature) {
        return parseDer(signature).isPresent();
    }

    /**
     * Parses {@code SEQUENCE { INTEGER r, INTEGER s }} by hand (short-form lengths, as an SM2 signature of at most
     * 72 bytes always has): this runs once per signature, and a general ASN.1 parse costs more than the rest.
     */
    private static Optional<BigInteger[]> parseDer(byte[] der) {
        if (der.length < 8 || der.length > 2 + 2 * 35 || der[0] != 0x30 || der[1] != der.length - 2) {
            return Optional.empty();
        }
        int rLength = der[3];
        if (der[2] != 0x02 || rLength < 1 || rLength > 33 || 4 + rLength + 2 > der.length) {
            return Optional.empty();
        }
        int sAt = 4 + rLength;
        int sLength = der[sAt + 1];
        if (der[sAt] != 0x02 || sLength < 1 || sLength > 33 || sAt + 2 + sLength != der.length) {
            return Optional.empty();
        }
        BigInteger r = new BigInteger(1, der, 4, rLength);
        BigInteger s = new BigInteger(1, der, sAt + 2, sLength);
        return Optional.of(new BigInteger[] {r, s});
    }
}

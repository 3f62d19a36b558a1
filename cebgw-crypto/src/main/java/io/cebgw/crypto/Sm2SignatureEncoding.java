package io.cebgw.crypto;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

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
        BigInteger[] rs = parseDer(signature)
                .orElseThrow(() -> new IllegalArgumentException("not an SM2 signature: " + signature.length + " bytes"));
        byte[] raw = new byte[RAW_LENGTH];
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[0]), 0, raw, 0, 32);
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, rs[1]), 0, raw, 32, 32);
        return raw;
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

    private static Optional<BigInteger[]> parseDer(byte[] signature) {
        if (signature.length < 8 || signature[0] != 0x30) {
            return Optional.empty();
        }
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(signature);
            if (!(primitive instanceof ASN1Sequence seq) || seq.size() != 2
                    || !(seq.getObjectAt(0) instanceof ASN1Integer r) || !(seq.getObjectAt(1) instanceof ASN1Integer s)
                    || !java.util.Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), signature)) {
                return Optional.empty();
            }
            return Optional.of(new BigInteger[] {r.getPositiveValue(), s.getPositiveValue()});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

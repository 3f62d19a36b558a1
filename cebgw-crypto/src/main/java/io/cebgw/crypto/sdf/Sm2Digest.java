package io.cebgw.crypto.sdf;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;

import java.nio.charset.StandardCharsets;

/**
 * The digest an SM2 signature signs (GM/T 0003.2): e = SM3(Z ‖ M), Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) with the
 * default user id {@code 1234567812345678} that the 202205 spec and GM/T 0092 use. {@code SDF_InternalSign_ECC} takes
 * this 32-byte value; computing it here saves sending the whole message through the device interface.
 */
final class Sm2Digest {
    private static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CURVE;

    static {
        X9ECParameters sm2 = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);
        CURVE = concat(sm2.getCurve().getA().getEncoded(), sm2.getCurve().getB().getEncoded(),
                sm2.getG().getAffineXCoord().getEncoded(), sm2.getG().getAffineYCoord().getEncoded());
    }

    private final byte[] z;

    /** @param point the signer's public key, x‖y (32 bytes each) */
    Sm2Digest(byte[] point) {
        SM3Digest d = new SM3Digest();
        int bits = USER_ID.length * 8;
        d.update((byte) (bits >> 8));
        d.update((byte) bits);
        d.update(USER_ID, 0, USER_ID.length);
        d.update(CURVE, 0, CURVE.length);
        d.update(point, 0, point.length);
        z = new byte[32];
        d.doFinal(z, 0);
    }

    byte[] of(byte[] message) {
        SM3Digest d = new SM3Digest();
        d.update(z, 0, z.length);
        d.update(message, 0, message.length);
        byte[] e = new byte[32];
        d.doFinal(e, 0);
        return e;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}

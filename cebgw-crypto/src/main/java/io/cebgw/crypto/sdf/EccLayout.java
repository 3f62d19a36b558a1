package io.cebgw.crypto.sdf;

/**
 * How a library lays out {@code ECCrefPublicKey} and {@code ECCSignature}: each coordinate right-aligned in
 * {@code ECCref_MAX_LEN} bytes — 64 in GM/T 0018-2012 (SoftSDF's default, most vendors), 32 where a library was built
 * for 256-bit keys only. A setting ({@code ecc-max-len}) or detected from the exported public key.
 */
public record EccLayout(int maxLen) {
    public static final EccLayout GMT_0018 = new EccLayout(64);
    public static final EccLayout BITS_256 = new EccLayout(32);
    private static final int COORDINATE = 32;

    public EccLayout {
        if (maxLen != 32 && maxLen != 64) {
            throw new IllegalArgumentException("ECCref_MAX_LEN is 32 or 64, not " + maxLen);
        }
    }

    /** A buffer large enough for {@code ECCrefPublicKey} in either layout. */
    static byte[] publicKeyBuffer() {
        return new byte[4 + 2 * 64];
    }

    public byte[] signatureBuffer() {
        return new byte[2 * maxLen];
    }

    /**
     * The layout a filled public-key buffer shows: with 64-byte fields the first 32 bytes of x are zero padding; with
     * 32-byte fields they are x itself (zero only with a chance of 2^-256).
     */
    static EccLayout detect(byte[] publicKey) {
        for (int i = 4; i < 4 + COORDINATE; i++) {
            if (publicKey[i] != 0) {
                return BITS_256;
            }
        }
        return GMT_0018;
    }

    /** x‖y, 32 bytes each, of an exported public key. */
    public byte[] point(byte[] publicKey) {
        byte[] xy = new byte[2 * COORDINATE];
        System.arraycopy(publicKey, 4 + maxLen - COORDINATE, xy, 0, COORDINATE);
        System.arraycopy(publicKey, 4 + 2 * maxLen - COORDINATE, xy, COORDINATE, COORDINATE);
        return xy;
    }

    /** The CEB signature value: r‖s, 32 bytes each. */
    public byte[] rawSignature(byte[] signature) {
        byte[] rs = new byte[2 * COORDINATE];
        System.arraycopy(signature, maxLen - COORDINATE, rs, 0, COORDINATE);
        System.arraycopy(signature, 2 * maxLen - COORDINATE, rs, COORDINATE, COORDINATE);
        return rs;
    }
}

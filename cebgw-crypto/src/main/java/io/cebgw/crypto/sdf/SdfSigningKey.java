package io.cebgw.crypto.sdf;

import com.sun.jna.Pointer;
import io.cebgw.core.problem.SigningProblem;
import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.SigningKey;

import io.cebgw.crypto.CryptoProvider;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An SM2 key inside a GM/T 0018 device: SM3withSM2 with Z over the default user id, computed here, and the 32-byte
 * digest signed inside the device ({@code SDF_InternalSign_ECC}); the value is the 64-byte raw r‖s the 202205 spec
 * asks for. A pool of sessions, each holding the key's access right, serves many threads at once.
 */
public final class SdfSigningKey implements SigningKey {
    private static final long WAIT_SECONDS = 30;
    private final SdfDevice device;
    private final int keyIndex;
    private final X509Certificate certificate;
    private final byte[] point;
    private final EccLayout layout;
    private final Sm2Digest digest;
    private final BlockingQueue<Pointer> sessions;
    private final List<Pointer> opened = new ArrayList<>();

    private SdfSigningKey(SdfDevice device, int keyIndex, X509Certificate certificate, byte[] point, EccLayout layout, int poolSize) {
        this.device = device;
        this.keyIndex = keyIndex;
        this.certificate = certificate;
        this.point = point;
        this.layout = layout;
        this.digest = new Sm2Digest(point);
        this.sessions = new ArrayBlockingQueue<>(poolSize);
    }

    /**
     * Opens the key: reads its public key (and the layout, unless given), checks it is the certificate's (when there is
     * one), and opens {@code poolSize} sessions with its access right — a wrong password or index fails here, not at
     * the first signature.
     */
    public static SdfSigningKey open(SdfDevice device, int keyIndex, char[] password, X509Certificate certificate, EccLayout layout, int poolSize)
            throws KeySourceException {
        byte[] exported = device.signPublicKey(keyIndex);
        EccLayout used = layout != null ? layout : EccLayout.detect(exported);
        byte[] point = used.point(exported);
        if (certificate != null && !Arrays.equals(point, pointOf(certificate))) {
            throw new KeySourceException(SigningProblem.SDF_KEY_MISMATCH.with(keyIndex, io.cebgw.crypto.CertNo.of(certificate)));
        }
        SdfSigningKey key = new SdfSigningKey(device, keyIndex, certificate, point, used, poolSize);
        byte[] secret = new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            for (int i = 0; i < poolSize; i++) {
                Pointer session = device.session(keyIndex, secret);
                key.opened.add(session);
                key.sessions.add(session);
            }
        } catch (KeySourceException e) {
            key.close();
            throw e;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return key;
    }

    /** The public key the device holds (for a certificate request before there is a certificate). */
    @Override
    public PublicKey publicKey() {
        try {
            ECNamedCurveParameterSpec sm2 = ECNamedCurveTable.getParameterSpec("sm2p256v1");
            ECPoint q = sm2.getCurve().createPoint(new BigInteger(1, Arrays.copyOfRange(point, 0, 32)), new BigInteger(1, Arrays.copyOfRange(point, 32, 64)));
            return KeyFactory.getInstance("EC", CryptoProvider.bc()).generatePublic(new ECPublicKeySpec(q, sm2));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the device's public key is not a point of the SM2 curve", e);
        }
    }

    @Override
    public SignatureSuite suite() {
        return SignatureSuite.SM2_SM3;
    }

    /** The certificate issued for the device key; null while it has none (a key opened for a certificate request). */
    @Override
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public byte[] sign(byte[] data) throws SigningException {
        return signDigest(digest.of(data));
    }

    /**
     * The device's own step alone: {@code SDF_InternalSign_ECC} of a 32-byte digest that already includes Z (the
     * baseline the benchmarks compare {@link #sign} with).
     */
    public byte[] signDigest(byte[] e) throws SigningException {
        Pointer session;
        try {
            session = sessions.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw SigningException.of(SigningProblem.SIGNING_FAILED, description(), "interrupted");
        }
        if (session == null) {
            throw SigningException.of(SigningProblem.SIGNING_FAILED, description(), "no free session within " + WAIT_SECONDS + " s");
        }
        try {
            byte[] signature = layout.signatureBuffer();
            int rc = device.library().SDF_InternalSign_ECC(session, keyIndex, e, e.length, signature);
            if (rc != SdfCode.OK) {
                throw SigningException.of(SigningProblem.SDF_CALL, "SDF_InternalSign_ECC", SdfCode.name(rc));
            }
            return layout.rawSignature(signature);
        } finally {
            sessions.add(session);
        }
    }

    @Override
    public String description() {
        return "SDF " + device.name() + " key " + keyIndex;
    }

    @Override
    public void close() {
        for (Pointer session : opened) {
            device.close(session, keyIndex);
        }
        opened.clear();
        sessions.clear();
    }

    private static byte[] pointOf(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey ec)) {
            return new byte[0];
        }
        byte[] xy = new byte[64];
        put(ec.getW().getAffineX(), xy, 0);
        put(ec.getW().getAffineY(), xy, 32);
        return xy;
    }

    private static void put(BigInteger value, byte[] into, int at) {
        byte[] b = value.toByteArray();
        int length = Math.min(b.length, 32);
        System.arraycopy(b, b.length - length, into, at + 32 - length, length);
    }
}

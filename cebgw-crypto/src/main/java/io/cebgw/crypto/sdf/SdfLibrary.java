package io.cebgw.crypto.sdf;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The GM/T 0018 SDF functions the gateway calls, as JNA maps them from any vendor's library ({@code libswsds.so},
 * SoftSDF …). Structures are passed as byte arrays laid out by {@link EccLayout}; every function answers {@code SDR_OK}
 * (0) or an {@code SDR_*} code ({@link SdfCode}).
 */
public interface SdfLibrary extends Library {
    int SDF_OpenDevice(PointerByReference device);

    int SDF_CloseDevice(Pointer device);

    int SDF_OpenSession(Pointer device, PointerByReference session);

    int SDF_CloseSession(Pointer session);

    int SDF_GetPrivateKeyAccessRight(Pointer session, int keyIndex, byte[] password, int passwordLength);

    int SDF_ReleasePrivateKeyAccessRight(Pointer session, int keyIndex);

    /** {@code ECCrefPublicKey}: bits, then x and y each right-aligned in {@code ECCref_MAX_LEN} bytes. */
    int SDF_ExportSignPublicKey_ECC(Pointer session, int keyIndex, byte[] publicKey);

    /** Signs a 32-byte SM3 digest that already includes Z; {@code ECCSignature}: r and s right-aligned. */
    int SDF_InternalSign_ECC(Pointer session, int keyIndex, byte[] digest, int digestLength, byte[] signature);
}

package io.cebgw.crypto.sdf;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.cebgw.core.problem.SigningProblem;
import io.cebgw.crypto.key.KeySourceException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One GM/T 0018 device: its library, loaded once, and the device handle, opened once per process and kept (libraries
 * keep a device per process, and vendors' do not like being opened and closed again). Sessions are opened here under a
 * lock — some libraries keep their session list without one — and then used by one thread at a time.
 */
public final class SdfDevice {
    private static final ConcurrentMap<String, SdfDevice> OPEN = new ConcurrentHashMap<>();
    private final SdfLibrary library;
    private final Pointer handle;
    private final String name;

    private SdfDevice(SdfLibrary library, Pointer handle, String name) {
        this.library = library;
        this.handle = handle;
        this.name = name;
    }

    /** The device behind a library path (opened the first time). */
    public static SdfDevice of(String libraryPath) throws KeySourceException {
        SdfDevice device = OPEN.get(libraryPath);
        if (device != null) {
            return device;
        }
        synchronized (OPEN) {
            device = OPEN.get(libraryPath);
            if (device == null) {
                device = open(libraryPath);
                OPEN.put(libraryPath, device);
            }
            return device;
        }
    }

    private static SdfDevice open(String libraryPath) throws KeySourceException {
        SdfLibrary library;
        try {
            library = Native.load(libraryPath, SdfLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            throw new KeySourceException(SigningProblem.SDF_LIBRARY.with(libraryPath, String.valueOf(e.getMessage()).lines().findFirst().orElse("")), e);
        }
        PointerByReference device = new PointerByReference();
        int rc = library.SDF_OpenDevice(device);
        if (rc != SdfCode.OK) {
            throw new KeySourceException(SigningProblem.SDF_DEVICE.with(libraryPath, SdfCode.name(rc)));
        }
        return new SdfDevice(library, device.getValue(), libraryPath);
    }

    SdfLibrary library() {
        return library;
    }

    String name() {
        return name;
    }

    /** A new session with the right to use the key at {@code keyIndex}. */
    synchronized Pointer session(int keyIndex, byte[] password) throws KeySourceException {
        Pointer session = openSession();
        int rc = library.SDF_GetPrivateKeyAccessRight(session, keyIndex, password, password.length);
        if (rc != SdfCode.OK) {
            library.SDF_CloseSession(session);
            if (rc == SdfCode.KEYNOTEXIST) {
                throw new KeySourceException(SigningProblem.SDF_NO_KEY.with(keyIndex, SdfCode.name(rc)));
            }
            throw new KeySourceException(SdfCode.passwordRefused(rc) ? SigningProblem.SDF_PASSWORD.with(keyIndex, SdfCode.name(rc))
                    : SigningProblem.SDF_CALL.with("SDF_GetPrivateKeyAccessRight", SdfCode.name(rc)));
        }
        return session;
    }

    private Pointer openSession() throws KeySourceException {
        PointerByReference session = new PointerByReference();
        int rc = library.SDF_OpenSession(handle, session);
        if (rc != SdfCode.OK) {
            throw new KeySourceException(SigningProblem.SDF_DEVICE.with(name, "SDF_OpenSession " + SdfCode.name(rc)));
        }
        return session.getValue();
    }

    /** The signing public key at {@code keyIndex} as the library lays it out ({@code ECCrefPublicKey}). */
    synchronized byte[] signPublicKey(int keyIndex) throws KeySourceException {
        Pointer session = openSession();
        try {
            byte[] publicKey = EccLayout.publicKeyBuffer();
            int rc = library.SDF_ExportSignPublicKey_ECC(session, keyIndex, publicKey);
            if (rc == SdfCode.KEYNOTEXIST) {
                throw new KeySourceException(SigningProblem.SDF_NO_KEY.with(keyIndex, SdfCode.name(rc)));
            }
            if (rc != SdfCode.OK) {
                throw new KeySourceException(SigningProblem.SDF_CALL.with("SDF_ExportSignPublicKey_ECC", SdfCode.name(rc)));
            }
            return publicKey;
        } finally {
            library.SDF_CloseSession(session);
        }
    }

    synchronized void close(Pointer session, int keyIndex) {
        library.SDF_ReleasePrivateKeyAccessRight(session, keyIndex);
        library.SDF_CloseSession(session);
    }
}

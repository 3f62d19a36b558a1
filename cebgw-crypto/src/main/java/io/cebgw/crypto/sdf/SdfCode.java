package io.cebgw.crypto.sdf;

import java.util.Map;

/** The GM/T 0018 return codes by name ({@code SDR_BASE + n}), for messages an operator can look up in the vendor's manual. */
public final class SdfCode {
    public static final int OK = 0;
    static final int BASE = 0x01000000;
    public static final int PARDENY = BASE + 0x07;
    public static final int KEYNOTEXIST = BASE + 0x08;
    public static final int KEYERR = BASE + 0x15;
    public static final int PRKRERR = BASE + 0x18;
    /** SoftSDF's own: a key file that does not decrypt (its answer to a wrong password). */
    public static final int SOFTSDF_GMSSLERR = BASE + 0x100;

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(BASE + 0x01, "SDR_UNKNOWERR"), Map.entry(BASE + 0x02, "SDR_NOTSUPPORT"),
            Map.entry(BASE + 0x03, "SDR_COMMFAIL"), Map.entry(BASE + 0x04, "SDR_HARDFAIL"), Map.entry(BASE + 0x05, "SDR_OPENDEVICE"),
            Map.entry(BASE + 0x06, "SDR_OPENSESSION"), Map.entry(PARDENY, "SDR_PARDENY"), Map.entry(KEYNOTEXIST, "SDR_KEYNOTEXIST"),
            Map.entry(BASE + 0x09, "SDR_ALGNOTSUPPORT"), Map.entry(BASE + 0x0A, "SDR_ALGMODNOTSUPPORT"), Map.entry(BASE + 0x0B, "SDR_PKOPERR"),
            Map.entry(BASE + 0x0C, "SDR_SKOPERR"), Map.entry(BASE + 0x0D, "SDR_SIGNERR"), Map.entry(BASE + 0x0E, "SDR_VERIFYERR"),
            Map.entry(BASE + 0x10, "SDR_STEPERR"), Map.entry(BASE + 0x12, "SDR_FILENOEXIST"), Map.entry(BASE + 0x14, "SDR_KEYTYPEERR"),
            Map.entry(KEYERR, "SDR_KEYERR"), Map.entry(BASE + 0x17, "SDR_RANDERR"), Map.entry(PRKRERR, "SDR_PRKRERR"),
            Map.entry(BASE + 0x1C, "SDR_NOBUFFER"), Map.entry(BASE + 0x1D, "SDR_INARGERR"), Map.entry(BASE + 0x1E, "SDR_OUTARGERR"),
            Map.entry(SOFTSDF_GMSSLERR, "SDR_GMSSLERR"));

    private SdfCode() {
    }

    /** {@code SDR_PARDENY (0x01000007)}, or the number alone for a vendor's own code. */
    public static String name(int code) {
        String hex = String.format("0x%08X", code);
        String name = NAMES.get(code);
        return name == null ? hex : name + " (" + hex + ")";
    }

    /** The device refused the key's password (vendors: PARDENY, PRKRERR; SoftSDF: its key file does not decrypt). */
    public static boolean passwordRefused(int code) {
        return code == PARDENY || code == PRKRERR || code == KEYERR || code == SOFTSDF_GMSSLERR;
    }
}

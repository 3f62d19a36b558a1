package io.cebgw.crypto.verify;

/**
 * STRICT applies the 202205 rules (what we emit, and what the sandbox checks). LENIENT accepts, with a warning,
 * the two real-world deviations customs is known to have accepted: the non-spec SM2 URIs with a SHA-1 digest,
 * and a KeyName that is not the serial. Digest, signature, reference and C14N failures are never relaxed.
 */
public enum VerifyProfile {
    STRICT, LENIENT;

    boolean tolerates(VerifyReason reason) {
        return this == LENIENT && (reason == VerifyReason.NON_SPEC_SM2 || reason == VerifyReason.KEYNAME_MISMATCH);
    }
}

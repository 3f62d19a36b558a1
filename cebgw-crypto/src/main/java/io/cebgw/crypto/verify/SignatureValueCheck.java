package io.cebgw.crypto.verify;

import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.Sm2SignatureEncoding;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** The last three checks: the key fits the method, the value has the spec's form, and it verifies. */
final class SignatureValueCheck {
    private SignatureValueCheck() {
    }

    static void verify(SignatureSuite signing, PublicKey key, byte[] signedBytes, String signatureValue)
            throws VerificationFailure {
        SignatureSuite keySuite = SignatureSuite.forKey(key).orElseThrow(() ->
                new VerificationFailure(VerifyReason.KEY_MISMATCH, key.getAlgorithm() + " key"));
        if (keySuite != signing) {
            throw new VerificationFailure(VerifyReason.KEY_MISMATCH, keySuite.keyAlgorithm() + " key, "
                    + signing.keyAlgorithm() + " signature method");
        }
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(signatureValue);
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(VerifyReason.SIGNATURE_FORM, "not base64");
        }
        byte[] jcaValue = jcaForm(signing, key, value);
        try {
            Signature verifier = Signature.getInstance(signing.jcaSignature(), CryptoProvider.bc());
            verifier.initVerify(key);
            verifier.update(signedBytes);
            if (!verifier.verify(jcaValue)) {
                throw new VerificationFailure(VerifyReason.SIGNATURE_INVALID, signing.jcaSignature());
            }
        } catch (GeneralSecurityException e) {
            throw new VerificationFailure(VerifyReason.SIGNATURE_INVALID, e.getMessage());
        }
    }

    private static byte[] jcaForm(SignatureSuite signing, PublicKey key, byte[] value) throws VerificationFailure {
        if (signing == SignatureSuite.SM2_SM3) {
            if (value.length == Sm2SignatureEncoding.RAW_LENGTH) {
                return Sm2SignatureEncoding.toDer(value);
            }
            if (Sm2SignatureEncoding.isDer(value)) {
                throw new VerificationFailure(VerifyReason.SIGNATURE_DER, String.valueOf(value.length));
            }
            throw new VerificationFailure(VerifyReason.SIGNATURE_FORM, value.length + " bytes, SM2 needs 64 (r‖s)");
        }
        int modulusBytes = (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        if (value.length != modulusBytes) {
            throw new VerificationFailure(VerifyReason.SIGNATURE_FORM, value.length + " bytes, the RSA key needs " + modulusBytes);
        }
        return value;
    }
}

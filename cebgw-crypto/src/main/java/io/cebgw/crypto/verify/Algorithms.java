package io.cebgw.crypto.verify;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.XmlDsigUris;

import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Which key algorithm signs and which hash digests, decided from the SignedInfo URIs under a profile. The spec
 * pairs are rsa-sha1+sha1 and the chinaport sm2-sm3+sm3; anything else is named for what it is.
 */
record Algorithms(SignatureSuite signing, SignatureSuite digesting) {
    private static final Set<String> SIGNATURE_URIS = Set.of(XmlDsigUris.RSA_SHA1, XmlDsigUris.SM2_SM3, XmlDsigUris.W3C_SM2_SM3);
    private static final Set<String> DIGEST_URIS = Set.of(XmlDsigUris.SHA1, XmlDsigUris.SM3);

    static Algorithms resolve(SignedInfoForm form, VerifyProfile profile, List<Notice> warnings) throws VerificationFailure {
        if (!XmlDsigUris.C14N.equals(form.canonicalization())) {
            throw new VerificationFailure(VerifyReason.UNKNOWN_ALGORITHM,
                    "CanonicalizationMethod " + form.canonicalization() + " (the spec fixes " + XmlDsigUris.C14N + ")");
        }
        if (!SIGNATURE_URIS.contains(form.signatureMethod())) {
            throw new VerificationFailure(VerifyReason.UNKNOWN_ALGORITHM, "SignatureMethod " + form.signatureMethod());
        }
        if (!DIGEST_URIS.contains(form.digestMethod())) {
            throw new VerificationFailure(VerifyReason.UNKNOWN_ALGORITHM, "DigestMethod " + form.digestMethod());
        }
        String pair = form.signatureMethod() + " + " + form.digestMethod();
        for (SignatureSuite suite : SignatureSuite.values()) {
            if (suite.signatureUri().equals(form.signatureMethod()) && suite.digestUri().equals(form.digestMethod())) {
                return new Algorithms(suite, suite);
            }
        }
        if (XmlDsigUris.W3C_SM2_SM3.equals(form.signatureMethod()) && XmlDsigUris.SHA1.equals(form.digestMethod())) {
            Notice notice = new Notice(VerifyReason.NON_SPEC_SM2, pair);
            if (!profile.tolerates(notice.reason())) {
                throw new VerificationFailure(notice.reason(), notice.detail());
            }
            warnings.add(notice);
            return new Algorithms(SignatureSuite.SM2_SM3, SignatureSuite.RSA_SHA1);
        }
        throw new VerificationFailure(VerifyReason.ALGORITHM_PAIR, pair);
    }

    /** The DigestValue decoded, checked to have the length the DigestMethod promises. */
    byte[] digestValue(SignedInfoForm form) throws VerificationFailure {
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(form.digestValue());
        } catch (IllegalArgumentException e) {
            throw new VerificationFailure(VerifyReason.DIGEST_FORM, "not base64");
        }
        if (value.length != digesting.digestLength()) {
            String hint = value.length == 20 ? " (a SHA-1 value under the SM3 URI?)" : "";
            throw new VerificationFailure(VerifyReason.DIGEST_FORM,
                    value.length + " bytes, " + form.digestMethod() + " gives " + digesting.digestLength() + hint);
        }
        return value;
    }
}

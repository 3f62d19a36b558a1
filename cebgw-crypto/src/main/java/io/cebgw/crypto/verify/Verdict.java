package io.cebgw.crypto.verify;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of verifying one signature: valid or the first failing check, plus warnings (relaxed rules in the
 * lenient profile, certificate validity) and what was found about the signer.
 */
public record Verdict(Optional<Notice> failure, List<Notice> warnings, String keyName, X509Certificate certificate) {
    public Verdict {
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return failure.isEmpty();
    }

    /** {@code OK} or {@code FAIL: <category>}, the form the signature-vector README uses. */
    public String summary() {
        return failure.map(n -> "FAIL: " + n.reason().category()).orElse("OK");
    }

    public Optional<VerifyReason> reason() {
        return failure.map(Notice::reason);
    }

    public String describe(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return failure.map(n -> n.describe(locale)).orElse(en ? "signature valid" : "签名有效");
    }
}

package io.cebgw.crypto.verify;

import java.util.Locale;

/** One reason with its detail: the failure of a verdict, or a warning. */
public record Notice(VerifyReason reason, String detail) {
    public String describe(Locale locale) {
        return reason.code() + " " + ("en".equals(locale.getLanguage()) ? reason.en(detail) : reason.zh(detail));
    }
}

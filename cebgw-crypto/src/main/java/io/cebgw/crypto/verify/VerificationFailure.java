package io.cebgw.crypto.verify;

/** Stops the verification pipeline at the first failing check. */
final class VerificationFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Notice notice;

    VerificationFailure(VerifyReason reason, String detail) {
        super(reason.code() + " " + reason.en(detail), null, false, false);
        this.notice = new Notice(reason, detail);
    }

    Notice notice() {
        return notice;
    }
}

package io.cebgw.core.settings;

/** A secret reference that cannot be resolved; each user of settings reports it with its own problem code. */
public final class SecretException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the reference. */
    public enum Reason {
        /** The {@code .env} variable is not set. */
        ENV_UNSET,
        /** The {@code .file} cannot be read. */
        FILE_UNREADABLE,
        /** Both {@code .env} and {@code .file} are given. */
        BOTH_WAYS,
        /** Neither is given, but another {@code <name>.x} is (a typo such as {@code password.envvar}): the reference is that key. */
        UNKNOWN_WAY
    }

    private final Reason reason;
    private final String reference;

    public SecretException(Reason reason, String reference) {
        super(reason + ": " + reference, null, false, false);
        this.reason = reason;
        this.reference = reference;
    }

    public Reason reason() {
        return reason;
    }

    /** The variable, the file or the setting's name — never the secret. */
    public String reference() {
        return reference;
    }
}

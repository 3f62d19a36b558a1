package io.cebgw.cli;

/** Exit codes shared by every command. */
public final class ExitCode {
    /** Done; for validate: no errors (warnings may be printed). */
    public static final int OK = 0;
    /** validate: the input was read but has errors. */
    public static final int FINDINGS = 1;
    /** The input could not be read (malformed, unsafe, too large, wrong encoding, unknown root) or bad arguments. */
    public static final int UNREADABLE = 2;
    /** An unexpected internal failure (a bug); reported on one line, never as a stack trace unless --debug. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}

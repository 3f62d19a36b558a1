package io.cebgw.core.xml;

/**
 * Limits that keep hostile or broken input from exhausting memory.
 *
 * @param maxBytes the largest document accepted, in bytes (a DxpMsg counts with its base64 payload)
 * @param maxDepth the deepest element nesting accepted
 */
public record XmlLimits(long maxBytes, int maxDepth) {
    /** 32 MiB: a full CEB message of 100 lists × 100 items is a few MiB; transports test 10 MiB payloads. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final XmlLimits DEFAULT = new XmlLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

    public XmlLimits {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}

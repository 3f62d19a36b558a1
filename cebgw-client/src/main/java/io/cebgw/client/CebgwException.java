package io.cebgw.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The gateway refused a call: its HTTP status, the stable problem code (docs/problems.md), the text in Chinese and
 * English, and the findings when a document was not valid (each with code, severity, path and message).
 */
public final class CebgwException extends RuntimeException {
    private final int status;
    private final String code;
    private final String zh;
    private final JsonNode findings;

    public CebgwException(int status, String code, String zh, String en, JsonNode findings) {
        super(code + " " + en);
        this.status = status;
        this.code = code;
        this.zh = zh;
        this.findings = findings;
    }

    public int status() {
        return status;
    }

    /** The problem code, e.g. GW-D003; {@code HTTP-<status>} when the answer was not problem+json; {@code IO} for no answer. */
    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    /** The findings (an array, possibly empty). */
    public JsonNode findings() {
        return findings;
    }

    /** Whether the same call may succeed later unchanged (503, or no answer at all). */
    public boolean retryable() {
        return status == 503 || status == 0;
    }
}

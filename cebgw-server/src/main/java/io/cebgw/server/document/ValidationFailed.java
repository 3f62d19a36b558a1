package io.cebgw.server.document;

import io.cebgw.core.finding.Finding;

import java.util.List;

/** A document cannot be accepted as asked: its findings (for 422) or a rule of the flow (duplicate, state). */
public final class ValidationFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String zh;
    private final transient List<Finding> findings;

    public ValidationFailed(int status, String code, String zh, String en, List<Finding> findings) {
        super(en);
        this.status = status;
        this.code = code;
        this.zh = zh;
        this.findings = List.copyOf(findings);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public List<Finding> findings() {
        return findings;
    }
}

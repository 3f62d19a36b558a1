package io.cebgw.core.problem;

import java.util.Objects;

/**
 * What the registry holds for one code: the code, the HTTP status an API answers with (0 where none does), whether
 * trying again unchanged can help, and the message templates in zh-CN and en.
 */
public record ProblemSpec(String code, int httpStatus, boolean retryable, String zh, String en) {
    public ProblemSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }
}

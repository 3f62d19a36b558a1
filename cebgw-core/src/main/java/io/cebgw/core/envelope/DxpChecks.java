package io.cebgw.core.envelope;

/** Length checks of the DXP schema, applied when an envelope is built. */
final class DxpChecks {
    private DxpChecks() {
    }

    static void length(String field, String value, int min, int max) {
        if (value == null) {
            if (min > 0) {
                throw new EnvelopeException(field, "不能为空", "is required");
            }
            return;
        }
        int n = value.codePointCount(0, value.length());
        if (n < min || n > max) {
            throw new EnvelopeException(field,
                    "长度应为 " + min + " 到 " + max + "，实际为 " + n,
                    "length must be " + min + " to " + max + ", found " + n);
        }
    }
}

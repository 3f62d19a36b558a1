package io.cebgw.server.logging;

import org.slf4j.MDC;

/**
 * What a log line is about: the enterprise, the document and the CopMsgId, as MDC keys ({@code enterprise},
 * {@code document}, {@code copMsgId}) that the log pattern prints on every line written while the context is open.
 * Open it with try-with-resources; it removes exactly the keys it set.
 */
public final class LogContext implements AutoCloseable {
    public static final String ENTERPRISE = "enterprise";
    public static final String DOCUMENT = "document";
    public static final String COP_MSG_ID = "copMsgId";

    private final String[] keys;

    private LogContext(String... keysAndValues) {
        String[] set = new String[keysAndValues.length / 2];
        int n = 0;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                MDC.put(keysAndValues[i], keysAndValues[i + 1]);
                set[n++] = keysAndValues[i];
            }
        }
        this.keys = java.util.Arrays.copyOf(set, n);
    }

    /** A document of an enterprise on its way out or in (null values are left out). */
    public static LogContext document(String enterpriseId, String documentId, String copMsgId) {
        return new LogContext(ENTERPRISE, enterpriseId, DOCUMENT, documentId, COP_MSG_ID, copMsgId);
    }

    /** A request of an enterprise. */
    public static LogContext enterprise(String enterpriseId) {
        return new LogContext(ENTERPRISE, enterpriseId);
    }

    @Override
    public void close() {
        for (String key : keys) {
            MDC.remove(key);
        }
    }
}

package io.cebgw.server.store;

/** One envelope waiting to be sent (or sent, or dead-lettered); its CopMsgId never changes across retries. */
public record OutboxRow(long id, String enterpriseId, String documentId, String copMsgId, byte[] payload, int attempts, String state,
                        String lastError) {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String DEAD = "DEAD";
}

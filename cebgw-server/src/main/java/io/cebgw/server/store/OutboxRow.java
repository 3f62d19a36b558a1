package io.cebgw.server.store;

import io.cebgw.core.lifecycle.OutboxState;

/** One envelope waiting to be sent (or sent, or dead-lettered); its CopMsgId never changes across retries. */
public record OutboxRow(long id, String enterpriseId, String documentId, String copMsgId, byte[] payload, int attempts, OutboxState state,
                        String lastError, java.time.Instant nextAttemptAt) {
    /** Whether it failed and waits for its next attempt (attempts made, still pending). */
    public boolean retrying() {
        return state == OutboxState.PENDING && attempts > 0;
    }
}

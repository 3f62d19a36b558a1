package io.cebgw.server.events;

import io.cebgw.server.flow.OutboxRelay;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.OutboxRow;

import java.time.Clock;

/** A document the relay gave up sending becomes a document.dead_letter event for the enterprise's subscribers. */
public final class DeadLetterEvents implements OutboxRelay.DeadLetters {
    private final DocumentStore documents;
    private final WebhookPublisher publisher;
    private final Clock clock;

    public DeadLetterEvents(DocumentStore documents, WebhookPublisher publisher, Clock clock) {
        this.documents = documents;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void deadLettered(OutboxRow row, int attempts, String reason) {
        documents.byId(row.enterpriseId(), row.documentId()).ifPresent(d ->
                publisher.publish(row.enterpriseId(), EventBodies.deadLetter(d, row.id(), attempts, reason, clock.instant())));
    }
}

package io.cebgw.server.api;

import io.cebgw.server.flow.ReceiptProcessor;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same receipts with the gateway looking at its inbound folder only every 1.5 s: they pile up and are taken in
 * batches, each in one transaction (duplicates, a stale one and a garbled one among them), with the same outcomes.
 */
class BatchedReceiptHandlingTest extends ReceiptHandlingTest {
    @Autowired
    ReceiptProcessor processor;

    @DynamicPropertySource
    static void slowPolling(DynamicPropertyRegistry r) {
        r.add("cebgw.poll-interval", () -> "1500ms");
    }

    @AfterEach
    void receiptsCameInBatches() {
        assertThat(processor.largestBatch()).as("messages taken in one transaction").isGreaterThan(1);
    }
}

package io.cebgw.core.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Wire names of outbox messages and the bounded memory of handled ones, shared by every transport. */
class HandledIdsTest {
    @Test
    void sequencedMessagesTravelUnderAStableName() {
        Transport.Envelope sent = new Transport.Envelope("ABC-1", new byte[0], 12);
        assertThat(sent.wireId()).isEqualTo("S12-ABC-1");
        assertThat(Transport.Envelope.idOf(sent.wireId())).isEqualTo("ABC-1");
        Transport.Envelope plain = new Transport.Envelope("SX-2", new byte[0]);
        assertThat(plain.sequenced()).isFalse();
        assertThat(plain.wireId()).isEqualTo("SX-2");
        assertThat(Transport.Envelope.idOf("SX-2")).isEqualTo("SX-2");
    }

    @Test
    void remembersTheNewestIdsOnly() {
        HandledIds ids = new HandledIds(3);
        for (int i = 1; i <= 4; i++) {
            ids.remember("S" + i + "-x");
        }
        assertThat(ids.seen("S1-x")).as("the oldest is forgotten").isFalse();
        assertThat(ids.seen("S4-x")).isTrue();
        assertThat(ids.seen(null)).isFalse();
    }
}

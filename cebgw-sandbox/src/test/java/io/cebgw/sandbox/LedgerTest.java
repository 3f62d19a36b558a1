package io.cebgw.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {
    @Test
    void keepsOnlyTheNewestArrivalsWhileTheirNumbersKeepCounting() {
        Ledger ledger = new Ledger(3);
        for (int i = 1; i <= 5; i++) {
            ledger.arrival("t" + i, Instant.EPOCH, i);
        }
        assertThat(ledger.arrivals()).extracting(Arrival::number).containsExactly(3L, 4L, 5L);
        assertThat(ledger.arrivals()).extracting(Arrival::transportId).containsExactly("t3", "t4", "t5");
    }

    @Test
    void keepsAHundredThousandByDefault() {
        Ledger ledger = new Ledger();
        for (int i = 0; i < Ledger.KEPT_ARRIVALS + 10; i++) {
            ledger.arrival("t", Instant.EPOCH, 1);
        }
        assertThat(ledger.arrivals()).hasSize(Ledger.KEPT_ARRIVALS).first().extracting(Arrival::number).isEqualTo(11L);
    }
}

package io.cebgw.sandbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * returnTime values (yyyyMMddHHmmssfff, Beijing time) that strictly increase, even for receipts produced in the
 * same millisecond, so a gateway can order receipts by returnTime as the spec intends.
 */
final class ReceiptClock {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter T17 = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private final Clock clock;
    private long last;

    ReceiptClock(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        long now = Math.max(clock.millis(), last + 1);
        last = now;
        return LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), BEIJING).format(T17);
    }
}

package io.cebgw.crypto.card;

import java.time.Duration;

/**
 * Spaces requests to at most {@code perMinute} a minute (an E-Port card signs about 250 a minute), with a
 * small burst. Callers wait their turn; a wait longer than {@code maxWait} is refused instead.
 */
final class RateLimit {
    private final long intervalNanos;
    private final long burstNanos;
    private long nextFree;

    RateLimit(int perMinute, int burst) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + perMinute);
        }
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / perMinute;
        this.burstNanos = intervalNanos * Math.max(0, burst - 1);
        this.nextFree = System.nanoTime() - burstNanos;
    }

    /** Waits for a slot; false when that would take longer than {@code maxWait}. */
    boolean acquire(Duration maxWait) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(nextFree, now - burstNanos);
            wait = slot - now;
            if (wait > maxWait.toNanos()) {
                return false;
            }
            nextFree = slot + intervalNanos;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return true;
    }
}

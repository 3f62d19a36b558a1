package io.cebgw.core.transport;

import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.TransportProblem;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long a send that failed for a passing reason is tried again: the first delay, doubled after each
 * attempt up to a cap, and the number of attempts after which the document goes to dead letter. A failure that no
 * retry can mend ({@link TransportException#transientFailure()} false) goes to dead letter at once, whatever this says.
 * A transport profile may set its own ({@code retry.first-delay-millis}, {@code retry.max-delay-millis},
 * {@code retry.max-attempts}).
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {
    /** The gateway's defaults: 5 s, doubling up to 10 min, 10 attempts. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 10);

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 <= firstDelay <= maxDelay and maxAttempts >= 1");
        }
    }

    /** The delay before attempt {@code attempt + 1}: firstDelay × 2^(attempt-1), at most maxDelay. */
    public Duration delayAfter(int attempt) {
        Duration d = firstDelay.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Whether the document goes to dead letter after this failed attempt (1 = the first). */
    public boolean givesUpAfter(int attempt, TransportException failure) {
        return !failure.transientFailure() || attempt >= maxAttempts;
    }

    /** The profile's own policy where it sets one ({@code retry.*}), the rest from {@code defaults}. */
    public static RetryPolicy of(TransportSpec spec, RetryPolicy defaults) throws TransportException {
        Duration first = spec.millis("retry.first-delay-millis", defaults.firstDelay.toMillis());
        Duration max = spec.millis("retry.max-delay-millis", Math.max(defaults.maxDelay.toMillis(), first.toMillis()));
        long attempts = spec.number("retry.max-attempts", defaults.maxAttempts);
        if (attempts < 1 || attempts > 1000) {
            throw new TransportException(TransportProblem.BAD_VALUE.with("retry.max-attempts", new Localized("1 到 1000 的整数",
                    "a whole number from 1 to 1000"), attempts));
        }
        if (max.compareTo(first) < 0 || first.isNegative()) {
            throw new TransportException(TransportProblem.BAD_VALUE.with("retry.max-delay-millis", new Localized("不小于 retry.first-delay-millis 的毫秒数",
                    "milliseconds, at least retry.first-delay-millis"), max.toMillis()));
        }
        return new RetryPolicy(first, max, (int) attempts);
    }
}

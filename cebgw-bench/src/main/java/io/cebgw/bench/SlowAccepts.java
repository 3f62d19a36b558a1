package io.cebgw.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a load round's slow accepts happened: the wall-clock seconds in which requests slower than a limit started,
 * with how many and the slowest, so that they can be laid beside the database's log (checkpoints, slow statements) and
 * the JVM's GC log.
 */
final class SlowAccepts {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private SlowAccepts() {
    }

    /**
     * @param starts    {@link System#nanoTime()} at which each request started
     * @param latencies each request's latency in nanoseconds, same order
     * @param roundStart {@link System#nanoTime()} at the start of the round
     */
    static String describe(long[] starts, long[] latencies, long roundStart, Duration limit) {
        Instant wallStart = Instant.now().minusNanos(System.nanoTime() - roundStart);
        Map<Long, long[]> bySecond = new TreeMap<>(); // second of the round -> {count, slowest}
        for (int i = 0; i < starts.length; i++) {
            if (latencies[i] > limit.toNanos()) {
                long[] second = bySecond.computeIfAbsent((starts[i] - roundStart) / 1_000_000_000L, k -> new long[2]);
                second[0]++;
                second[1] = Math.max(second[1], latencies[i]);
            }
        }
        if (bySecond.isEmpty()) {
            return "none over " + limit.toMillis() + " ms";
        }
        return bySecond.entrySet().stream().map(e -> {
            LocalTime at = LocalTime.ofInstant(wallStart.plusSeconds(e.getKey()), ZoneId.systemDefault());
            return String.format("%s %d×, up to %d ms", CLOCK.format(at), e.getValue()[0], e.getValue()[1] / 1_000_000);
        }).collect(Collectors.joining("; ", bySecond.values().stream().mapToLong(v -> v[0]).sum() + " over " + limit.toMillis() + " ms: ", ""));
    }
}

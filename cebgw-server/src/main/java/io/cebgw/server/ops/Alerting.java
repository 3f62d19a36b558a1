package io.cebgw.server.ops;

import io.cebgw.server.store.AlertStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends alerts to the gateway's channels, and an enterprise's alerts to its own channels too: an alert once when it
 * starts, again every {@code repeat} while it lasts, and a "resolved" message when it ends. What is firing is kept in
 * the database, so a restart or a second node neither sends it twice nor forgets to resolve it. A channel that cannot
 * be reached is logged in one line; the next round tries again only when the alert is due again.
 */
public final class Alerting {
    private final AlertRules rules;
    private final AlertStore store;
    private final List<AlertChannel> channels;
    private final Function<String, List<AlertChannel>> enterpriseChannels;
    private final Duration repeat;
    private final Clock clock;

    /**
     * @param channels           the gateway's channels (every alert)
     * @param enterpriseChannels an enterprise's own channels by its DXPID (its alerts)
     */
    public Alerting(AlertRules rules, AlertStore store, List<AlertChannel> channels, Function<String, List<AlertChannel>> enterpriseChannels,
                    Duration repeat, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.channels = List.copyOf(channels);
        this.enterpriseChannels = enterpriseChannels;
        this.repeat = repeat;
        this.clock = clock;
    }

    /** One round: compares what is wrong now with what was firing; returns how many messages went out. */
    public int round() {
        Instant now = clock.instant();
        Map<String, Alert> current = rules.now().stream().collect(Collectors.toMap(Alert::key, Function.identity(), (a, b) -> a));
        Map<String, AlertStore.Firing> firing = store.firing().stream().collect(Collectors.toMap(AlertStore.Firing::key, Function.identity()));
        int sent = 0;
        for (Alert a : current.values()) {
            AlertStore.Firing f = firing.get(a.key());
            if (f == null ? store.start(a.key(), a.enterprise(), a.zh(), a.en(), now)
                    : !f.lastSentAt().plus(repeat).isAfter(now) && store.repeat(a.key(), f.lastSentAt(), now)) {
                sent += send(a, now);
            }
        }
        for (AlertStore.Firing f : firing.values()) {
            if (!current.containsKey(f.key()) && store.end(f.key())) {
                sent += send(new Alert(f.key(), f.enterprise(), f.zh(), f.en(), true), now);
            }
        }
        return sent;
    }

    private int send(Alert alert, Instant now) {
        List<AlertChannel> to = new ArrayList<>(channels);
        if (alert.enterprise() != null) {
            to.addAll(enterpriseChannels.apply(alert.enterprise()));
        }
        int sent = 0;
        for (AlertChannel c : to) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            sent += c.deliver(alert, now) ? 1 : 0;
        }
        return sent;
    }
}

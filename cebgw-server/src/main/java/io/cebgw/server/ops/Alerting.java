package io.cebgw.server.ops;

import io.cebgw.server.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends alerts to the configured channels: an alert once when it starts, again every {@code repeat} while it lasts, and
 * a "resolved" message when it ends. What is firing is kept in the database, so a restart or a second node neither
 * sends it twice nor forgets to resolve it. A channel that cannot be reached is logged in one line; the next round
 * tries again only when the alert is due again.
 */
public final class Alerting {
    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

    private final AlertRules rules;
    private final AlertStore store;
    private final List<AlertChannel> channels;
    private final Duration repeat;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Alerting(AlertRules rules, AlertStore store, List<AlertChannel> channels, Duration repeat, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.channels = List.copyOf(channels);
        this.repeat = repeat;
        this.clock = clock;
    }

    /** One round: compares what is wrong now with what was firing; returns how many messages went out. */
    public int round() {
        if (channels.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, Alert> current = rules.now().stream().collect(Collectors.toMap(Alert::key, Function.identity(), (a, b) -> a));
        Map<String, AlertStore.Firing> firing = store.firing().stream().collect(Collectors.toMap(AlertStore.Firing::key, Function.identity()));
        int sent = 0;
        for (Alert a : current.values()) {
            AlertStore.Firing f = firing.get(a.key());
            if (f == null ? store.start(a.key(), a.zh(), a.en(), now) : !f.lastSentAt().plus(repeat).isAfter(now) && store.repeat(a.key(), f.lastSentAt(), now)) {
                sent += send(a, now);
            }
        }
        for (AlertStore.Firing f : firing.values()) {
            if (!current.containsKey(f.key()) && store.end(f.key())) {
                sent += send(new Alert(f.key(), f.zh(), f.en(), true), now);
            }
        }
        return sent;
    }

    private int send(Alert alert, Instant now) {
        int sent = 0;
        for (AlertChannel c : channels) {
            try {
                HttpResponse<String> r = http.send(c.request(alert, now, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    sent++;
                } else {
                    LOG.warn("alert {} to {}: HTTP {}", alert.key(), c.type(), r.statusCode());
                }
            } catch (java.io.IOException e) {
                LOG.warn("alert {} to {}: cannot reach it ({})", alert.key(), c.type(), e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }
}

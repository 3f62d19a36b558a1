package io.cebgw.server.events;

import io.cebgw.server.store.WebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Posts queued deliveries to their subscribers: claims due rows under a lease, sends them at once (each its own request,
 * {@link #BATCH} at a time), and records each attempt — delivered on any 2xx answer; otherwise retried with doubling
 * back-off and dead-lettered after the last attempt, kept for a replay.
 *
 * <p>Each request carries the event's JSON, {@code X-Cebgw-Event} (its type), {@code X-Cebgw-Event-Id}, {@code
 * X-Cebgw-Delivery} (the delivery's number) and {@value #SIGNATURE}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" keyed with the subscription's secret>}.
 */
public final class WebhookSender {
    public static final String SIGNATURE = "X-Cebgw-Signature";
    /** A claim not renewed for this long belongs to a worker that died; another takes the delivery over. */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    static final int BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /** Back-off and give-up of failed deliveries, and how long one request may take. */
    public record Policy(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration timeout) {
        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(10), Duration.ofHours(1), 8, Duration.ofSeconds(10));

        Duration delayAfter(int attempt) {
            long factor = 1L << Math.min(attempt - 1, 30);
            Duration d = firstRetry.multipliedBy(factor);
            return d.compareTo(maxRetry) > 0 || d.isNegative() ? maxRetry : d;
        }
    }

    private final WebhookStore webhooks;
    private final Clock clock;
    private final Policy policy;
    private final HttpClient http;
    private final String workerId = "webhooks-" + UUID.randomUUID();

    public WebhookSender(WebhookStore webhooks, Clock clock, Policy policy) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.policy = policy;
        this.http = HttpClient.newBuilder().connectTimeout(policy.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One round: sends what is due until nothing is; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (List<WebhookStore.Claimed> claimed = webhooks.claim(workerId, clock.instant(), BATCH); !claimed.isEmpty();
             claimed = webhooks.claim(workerId, clock.instant(), BATCH)) {
            List<CompletableFuture<Outcome>> sends = claimed.stream().map(this::send).toList();
            for (int i = 0; i < sends.size(); i++) { // recorded here, one by one: the HTTP client's threads never wait for the database
                delivered += record(claimed.get(i).delivery(), sends.get(i).join()) ? 1 : 0;
            }
        }
        return delivered;
    }

    public int renewClaims() {
        return webhooks.renewClaims(workerId, clock.instant());
    }

    public int sweep() {
        return webhooks.sweep(clock.instant().minus(CLAIM_LEASE));
    }

    /** What one request came to: the receiver's status (null when none came back), the error in words (null: delivered). */
    private record Outcome(Instant start, long nanos, Integer status, String error) {
    }

    private CompletableFuture<Outcome> send(WebhookStore.Claimed c) {
        WebhookStore.DeliveryRow d = c.delivery();
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(c.url())).timeout(policy.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "cebgw-webhooks")
                    .header("X-Cebgw-Event", d.eventType())
                    .header("X-Cebgw-Event-Id", d.eventId())
                    .header("X-Cebgw-Delivery", Long.toString(d.id()))
                    .header(SIGNATURE, signature(c.secret(), start, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(start, 0, null, "地址无效 / invalid URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null
                        ? new Outcome(start, System.nanoTime() - t0, response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode())
                        : new Outcome(start, System.nanoTime() - t0, null, words(failure)));
    }

    /** Records one attempt; true when it was delivered. */
    private boolean record(WebhookStore.DeliveryRow d, Outcome o) {
        Instant end = clock.instant();
        int attempt = d.attempts() + 1;
        String error = o.error();
        WebhookStore.AttemptRow log = new WebhookStore.AttemptRow(d.id(), o.start(), o.status(), error, (int) (o.nanos() / 1_000_000));
        if (error == null) {
            webhooks.attempted(d.id(), log, WebhookStore.DELIVERED, end);
            return true;
        }
        boolean dead = attempt >= policy.maxAttempts();
        webhooks.attempted(d.id(), log, dead ? WebhookStore.DEAD : WebhookStore.PENDING, dead ? end : end.plus(policy.delayAfter(attempt)));
        if (dead) {
            LOG.warn("webhook delivery {} ({} {}) dead-lettered after {} attempts: {}", d.id(), d.eventType(), d.eventId(), attempt, error);
        } else {
            LOG.info("webhook delivery {} ({} {}) attempt {} failed, retried later: {}", d.id(), d.eventType(), d.eventId(), attempt, error);
        }
        return false;
    }

    /** The header value: t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<body>">. */
    public static String signature(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String words(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof HttpTimeoutException) {
            return "超时未应答 / no answer in time";
        }
        if (t instanceof ConnectException) {
            return "无法连接 / cannot connect" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return "发送失败 / failed: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}

package io.cebgw.client;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks a webhook request from the gateway before the ERP trusts it: header {@value #HEADER} is {@code t=<unix
 * seconds>,v1=<hex>}, where v1 is HMAC-SHA256 keyed with the subscription's secret over {@code "<t>."} and the raw body
 * bytes. A request whose {@code t} is further from this clock than the tolerance (5 minutes unless set) is refused, so a
 * captured request cannot be played again later.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(secret);
 * Event e = verifier.verify(request.getHeader(WebhookVerifier.HEADER), rawBody);   // throws when not genuine
 * }</pre>
 */
public final class WebhookVerifier {
    public static final String HEADER = "X-Cebgw-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a request is not to be trusted. */
    public enum Failure {
        MISSING, MALFORMED, OUTSIDE_WINDOW, WRONG_SIGNATURE, NOT_AN_EVENT
    }

    /** Thrown by {@link #verify}: the request is not a genuine, fresh delivery of the gateway. */
    public static final class Rejected extends Exception {
        private final Failure failure;

        Rejected(Failure failure) {
            super("webhook request rejected: " + failure);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookVerifier(String secret) {
        this(secret, Duration.ofMinutes(5), Clock.systemUTC());
    }

    public WebhookVerifier(String secret, Duration tolerance, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The event, when the header is right for this body; {@link Rejected} otherwise. */
    public Event verify(String header, byte[] body) throws Rejected {
        if (header == null || header.isBlank()) {
            throw new Rejected(Failure.MISSING);
        }
        Long t = null;
        byte[] given = null;
        try {
            for (String part : header.split(",")) {
                String p = part.strip();
                if (p.startsWith("t=")) {
                    t = Long.parseLong(p.substring(2));
                } else if (p.startsWith("v1=")) {
                    given = HexFormat.of().parseHex(p.substring(3));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new Rejected(Failure.MALFORMED);
        }
        if (t == null || given == null) {
            throw new Rejected(Failure.MALFORMED);
        }
        if (Math.abs(clock.instant().getEpochSecond() - t) > tolerance.toSeconds()) {
            throw new Rejected(Failure.OUTSIDE_WINDOW);
        }
        if (!MessageDigest.isEqual(mac(t, body), given)) {
            throw new Rejected(Failure.WRONG_SIGNATURE);
        }
        try {
            return Event.of(JSON.readTree(body));
        } catch (IOException e) {
            throw new Rejected(Failure.NOT_AN_EVENT);
        }
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package io.cebgw.crypto.card;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.FakeCardService;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing through the E-Port card client's WebSocket API, against a fake card service with a soft key. */
class CardSigningKeyTest {
    private static final Map<String, String> ENV = Map.of("CARD_PIN", "88888888");
    private FakeCardService card;
    private SigningKey key;

    private FakeCardService start(SignatureSuite suite) throws InterruptedException {
        card = new FakeCardService(TestKeys.key(suite).signingKey(), "88888888").startAndWait();
        return card;
    }

    private SigningKey open(Map<String, String> extra) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("url", card.url(), "pin.env", "CARD_PIN", "timeout", "2"));
        settings.putAll(extra);
        key = new KeySources(ENV::get).open(new KeySourceSpec("card", settings));
        return key;
    }

    @AfterEach
    void stop() {
        if (key != null) {
            key.close();
        }
        if (card != null) {
            card.stopQuietly();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void signsEndToEnd(SignatureSuite suite) throws Exception {
        start(suite);
        SigningKey cardKey = open(Map.of());
        assertThat(cardKey.suite()).isEqualTo(suite);
        assertThat(cardKey.certNo()).isEqualTo("03000000000cde70");
        byte[] signed = new CebSigner(cardKey).sign(TestKeys.declarationList(10));
        Verdict verdict = new CebVerifier(new TrustAnchors(List.of(TestKeys.ca(suite).certificate())), VerifyProfile.STRICT)
                .verify(signed);
        assertThat(verdict.valid()).as(verdict.describe(Locale.ENGLISH)).isTrue();
        assertThat(card.signatures()).isEqualTo(1);
        assertThat(((CardSigningKey) cardKey).healthy()).isTrue();
    }

    @Test
    void wrongPinReportsTheCardsMessageButNotThePin() throws Exception {
        start(SignatureSuite.SM2_SM3);
        key = new KeySources(Map.of("CARD_PIN", "12345678")::get).open(new KeySourceSpec("card",
                Map.of("url", card.url(), "pin.env", "CARD_PIN")));
        assertThatThrownBy(() -> key.sign(new byte[] {1}))
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).code()).isEqualTo("CEB-K010"))
                .satisfies(e -> assertThat(((SigningException) e).describe(Locale.CHINA)).contains("口令不正确").doesNotContain("12345678"));
    }

    @Test
    void unreachableCardClientFailsAtOpen() {
        assertThatThrownBy(() -> new KeySources(ENV::get).open(new KeySourceSpec("card",
                Map.of("url", "ws://127.0.0.1:9", "pin.env", "CARD_PIN", "timeout", "2"))))
                .satisfies(e -> assertThat(((SigningException) e).code()).isEqualTo("CEB-K009"));
    }

    @Test
    void reconnectsAfterADroppedConnection() throws Exception {
        start(SignatureSuite.SM2_SM3);
        SigningKey cardKey = open(Map.of());
        card.dropNextRequest();
        assertThat(cardKey.sign("<x/>".getBytes())).hasSize(64);
        assertThat(card.connections()).isEqualTo(2);
    }

    @Test
    void timesOutWhenTheCardDoesNotAnswer() throws Exception {
        start(SignatureSuite.SM2_SM3);
        SigningKey cardKey = open(Map.of("timeout", "1"));
        card.ignoreNextRequest();
        // the first attempt times out, the retry on a new connection succeeds
        assertThat(cardKey.sign("<x/>".getBytes())).hasSize(64);
        card.stopQuietly();
        assertThatThrownBy(() -> cardKey.sign("<x/>".getBytes()))
                .satisfies(e -> assertThat(((SigningException) e).code()).isEqualTo("CEB-K010"));
        assertThat(((CardSigningKey) cardKey).healthy()).isFalse();
    }

    @Test
    void rateLimitSpacesRequests() throws Exception {
        RateLimit limit = new RateLimit(600, 2); // 10 a second, burst of 2
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(limit.acquire(Duration.ofSeconds(5))).isTrue();
        }
        // 5 permits with a burst of 2 need at least 3 intervals of 100 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(new RateLimit(1, 1).acquire(Duration.ZERO)).isTrue();
        RateLimit slow = new RateLimit(1, 1);
        slow.acquire(Duration.ZERO);
        assertThat(slow.acquire(Duration.ofMillis(10))).as("a wait beyond maxWait is refused").isFalse();
    }
}

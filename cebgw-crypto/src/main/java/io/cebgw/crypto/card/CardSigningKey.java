package io.cebgw.crypto.card;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.SigningProblem;
import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.CertNo;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.Sm2SignatureEncoding;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * An operator IC card or Ukey behind the E-Port card client: the card hashes and signs (SM3withSM2 or
 * SHA1withRSA by the card's certificate) with {@code cus-sec_SpcSignDataAsPEM}; the certificate comes from
 * {@code cus-sec_SpcGetSignCertAsPEM} and the certificate number from {@code cus-sec_SpcGetCertNo}.
 * Settings: {@code url} (default {@code ws://127.0.0.1:61232}), {@code pin.env|file}, {@code timeout} (seconds,
 * default 10), {@code rate-per-minute} (default 250), {@code suite} (to insist on sm2 or rsa).
 */
public final class CardSigningKey implements SigningKey {
    public static final String DEFAULT_URL = "ws://127.0.0.1:61232";
    public static final int DEFAULT_RATE_PER_MINUTE = 250;

    private final CardClient client;
    private final String pin;
    private final X509Certificate certificate;
    private final String certNo;
    private final SignatureSuite suite;
    private final RateLimit rate;
    private final Duration timeout;

    private CardSigningKey(CardClient client, String pin, X509Certificate certificate, String certNo, SignatureSuite suite,
                           RateLimit rate, Duration timeout) {
        this.client = client;
        this.pin = pin;
        this.certificate = certificate;
        this.certNo = certNo;
        this.suite = suite;
        this.rate = rate;
        this.timeout = timeout;
    }

    public static CardSigningKey open(KeySourceSpec spec, Function<String, String> environment) throws KeySourceException {
        URI uri = URI.create(spec.getOrDefault("url", DEFAULT_URL));
        Duration timeout = Duration.ofSeconds(Long.parseLong(spec.getOrDefault("timeout", "10")));
        int perMinute = Integer.parseInt(spec.getOrDefault("rate-per-minute", String.valueOf(DEFAULT_RATE_PER_MINUTE)));
        String pin = new String(spec.secret("pin", environment));
        CardClient client = new CardClient(uri, timeout);
        try {
            JsonNode certData = client.call("cus-sec_SpcGetSignCertAsPEM", Map.of());
            X509Certificate certificate = Pem.fromBase64(certData.path(0).asText());
            String certNo = client.call("cus-sec_SpcGetCertNo", Map.of()).path(0).asText();
            if (!certNo.equals(CertNo.of(certificate))) {
                throw new KeySourceException(SigningProblem.CARD_CERTIFICATE_NUMBER.with(certNo, CertNo.of(certificate)));
            }
            SignatureSuite fromKey = SignatureSuite.forKey(certificate.getPublicKey()).orElseThrow(() ->
                    new KeySourceException(SigningProblem.UNSUPPORTED_KEY.with(new Localized("卡证书", "the card certificate"),
                            certificate.getPublicKey().getAlgorithm())));
            if (spec.suite().isPresent() && spec.suite().get() != fromKey) {
                throw new KeySourceException(SigningProblem.SUITE_MISMATCH.with(spec.suite().get(), fromKey));
            }
            return new CardSigningKey(client, pin, certificate, certNo, fromKey, new RateLimit(perMinute, 5), timeout);
        } catch (CardRequestException e) {
            client.close();
            throw new KeySourceException(SigningProblem.CARD_CLIENT_UNAVAILABLE.with(uri, e.getMessage()), e);
        } catch (java.security.cert.CertificateException | IllegalArgumentException e) {
            client.close();
            throw new KeySourceException(SigningProblem.CARD_CERTIFICATE_UNREADABLE.with(), e);
        } catch (KeySourceException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public SignatureSuite suite() {
        return suite;
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String certNo() {
        return certNo;
    }

    @Override
    public byte[] sign(byte[] data) throws SigningException {
        try {
            if (!rate.acquire(timeout)) {
                throw SigningException.of(SigningProblem.CARD_RATE_LIMIT);
            }
            JsonNode answer = client.call("cus-sec_SpcSignDataAsPEM",
                    Map.of("inData", new String(data, StandardCharsets.UTF_8), "passwd", pin));
            byte[] value = Base64.getMimeDecoder().decode(answer.path(0).asText());
            return suite == SignatureSuite.SM2_SM3 ? Sm2SignatureEncoding.toRaw(value) : value;
        } catch (CardRequestException e) {
            throw new SigningException(SigningProblem.SIGNING_FAILED.with(new Localized("电子口岸卡", "E-Port card"), e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException(SigningProblem.SIGNING_FAILED.with(new Localized("电子口岸卡", "E-Port card"), new Localized("被中断", "interrupted")), e);
        } catch (IllegalArgumentException e) {
            throw new SigningException(SigningProblem.SIGNING_FAILED.with(new Localized("电子口岸卡", "E-Port card"),
                    new Localized("卡返回的签名值无法解析", "the card returned an unreadable signature")), e);
        }
    }

    /** Asks the card for its certificate number: true when the client answers and the same card is inserted. */
    public boolean healthy() {
        try {
            return certNo.equals(client.call("cus-sec_SpcGetCertNo", Map.of()).path(0).asText());
        } catch (CardRequestException e) {
            return false;
        }
    }

    @Override
    public String description() {
        return "E-Port card " + certNo + " via " + client.uri();
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.cebgw.server.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.server.events.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A chat robot or webhook that alerts go to, each robot in its own format:
 * <ul>
 *   <li>{@code dingtalk} — 钉钉自定义机器人: {@code {"msgtype":"text","text":{"content":…}}}; with a secret (加签) the URL
 *       gets {@code &timestamp=<ms>&sign=<urlencode(base64(HmacSHA256(secret, "<ms>\n<secret>")))>}</li>
 *   <li>{@code wecom} — 企业微信群机器人: {@code {"msgtype":"text","text":{"content":…}}} (the key is in the URL)</li>
 *   <li>{@code feishu} — 飞书自定义机器人: {@code {"msg_type":"text","content":{"text":…}}}; with a secret (签名校验) also
 *       {@code "timestamp":"<s>","sign":"<base64(HmacSHA256(key "<s>\n<secret>", empty))>"}</li>
 *   <li>{@code webhook} — any receiver: the alert as JSON, signed like the gateway's webhooks (X-Cebgw-Signature)</li>
 * </ul>
 */
public record RobotChannel(String type, String url, String secret) implements AlertChannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RobotChannel.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public boolean deliver(Alert alert, Instant now) {
        try {
            HttpResponse<String> r = HTTP.send(request(alert, now, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                return true;
            }
            LOG.warn("alert {} to {}: HTTP {}", alert.key(), type, r.statusCode());
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.warn("alert {} to {}: cannot reach it ({})", alert.key(), type, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The request that tells this channel about the alert. */
    HttpRequest request(Alert alert, Instant now, Duration timeout) {
        ObjectNode body = JSON.createObjectNode();
        String target = url;
        HttpRequest.Builder b;
        switch (type) {
            case "dingtalk" -> {
                body.put("msgtype", "text").putObject("text").put("content", alert.text());
                if (secret != null && !secret.isBlank()) {
                    long ms = now.toEpochMilli();
                    String sign = Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8),
                            (ms + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
                    target = url + (url.contains("?") ? "&" : "?") + "timestamp=" + ms + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8);
                }
                b = HttpRequest.newBuilder(URI.create(target));
            }
            case "wecom" -> {
                body.put("msgtype", "text").putObject("text").put("content", alert.text());
                b = HttpRequest.newBuilder(URI.create(target));
            }
            case "feishu" -> {
                if (secret != null && !secret.isBlank()) {
                    long s = now.getEpochSecond();
                    body.put("timestamp", Long.toString(s)).put("sign",
                            Base64.getEncoder().encodeToString(hmac((s + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0])));
                }
                body.put("msg_type", "text").putObject("content").put("text", alert.text());
                b = HttpRequest.newBuilder(URI.create(target));
            }
            default -> {
                body.put("key", alert.key()).put("state", alert.resolved() ? "resolved" : "firing").put("zh", alert.zh()).put("en", alert.en())
                        .put("at", now.toString());
                b = HttpRequest.newBuilder(URI.create(target));
                if (secret != null && !secret.isBlank()) {
                    b.header(WebhookSender.SIGNATURE, WebhookSender.signature(secret, now, body.toString().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return b.timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "RobotChannel[" + type + "]"; // never the URL's key or the secret
    }
}

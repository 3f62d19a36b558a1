package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.ops.Alerting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts reach each channel in its own format with its own signature — DingTalk (加签 in the URL), WeCom, Feishu (签名校验
 * in the body), a generic webhook (X-Cebgw-Signature) — once when they start, not again before they are due, and a
 * "resolved" message when the cause is gone. The receivers here check the formats and signatures as the platforms do.
 */
class AlertsTest extends GatewayTestBase {
    private static final String DING_SECRET = "SEC-dingtalk-secret-of-the-test";
    private static final String FEISHU_SECRET = "feishu-secret-of-the-test";
    private static final String HOOK_SECRET = "alert-webhook-secret-of-the-test";
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer ROBOTS = robots();

    @Autowired
    Alerting alerting;
    @Autowired
    JdbcClient jdbc;

    private record Received(String path, Map<String, String> query, JsonNode body, String signature, String raw) {
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        String base = "http://127.0.0.1:" + ROBOTS.getAddress().getPort();
        r.add("cebgw.alerts.dingtalk.url", () -> base + "/dingtalk?access_token=ding-token");
        r.add("cebgw.alerts.dingtalk.secret", () -> DING_SECRET);
        r.add("cebgw.alerts.wecom.url", () -> base + "/wecom?key=wecom-key");
        r.add("cebgw.alerts.feishu.url", () -> base + "/feishu/hook-id");
        r.add("cebgw.alerts.feishu.secret", () -> FEISHU_SECRET);
        r.add("cebgw.alerts.webhook.url", () -> base + "/hook");
        r.add("cebgw.alerts.webhook.secret", () -> HOOK_SECRET);
        r.add("cebgw.alerts.interval", () -> "1h"); // the test runs the rounds itself
    }

    @Test
    void eachChannelGetsItsOwnFormatOnceAndAResolvedMessage() throws Exception {
        GeneratedKey shortLived = KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=alerts,C=CN", Duration.ofDays(5));
        Path p12 = DIR.resolve("alerts.p12");
        Files.writeString(DIR.resolve("alerts.pw"), "pw-alerts\n");
        KeyPairs.writePkcs12(shortLived, p12, "pw-alerts".toCharArray(), "cebgw");
        EnterpriseService.Registered e = enterprises.register("告警企业", "3301964ABC", "DXPENT0000066601", "EBC,AGENT",
                "type=pkcs12\npath=" + p12 + "\npassword.file=" + DIR.resolve("alerts.pw") + "\n");
        String id = declare(e.apiKey(), List.of(FlowDocuments.document(MessageType.CEB303, "9710", "ALERT-", e.enterprise().dxpId()))).get(0);
        awaitSent(id);
        jdbc.sql("update outbox set state = 'DEAD', attempts = 1, last_error = 'CEB-T020 test' where document_id = ?").param(id).update();

        alerting.round();
        assertThat(RECEIVED).extracting(Received::path).contains("/dingtalk", "/wecom", "/feishu/hook-id", "/hook");
        for (Received r : RECEIVED) {
            switch (r.path()) {
                case "/dingtalk" -> {
                    assertThat(r.query()).containsEntry("access_token", "ding-token");
                    String ts = r.query().get("timestamp");
                    assertThat(r.query().get("sign")).as("加签").isEqualTo(base64(hmac(DING_SECRET, ts + "\n" + DING_SECRET)));
                    assertThat(r.body().path("msgtype").asText()).isEqualTo("text");
                    assertThat(r.body().path("text").path("content").asText()).contains("CEB 网关告警");
                }
                case "/wecom" -> {
                    assertThat(r.query()).containsEntry("key", "wecom-key");
                    assertThat(r.body().path("msgtype").asText()).isEqualTo("text");
                    assertThat(r.body().path("text").path("content").asText()).isNotBlank();
                }
                case "/feishu/hook-id" -> {
                    String ts = r.body().path("timestamp").asText();
                    assertThat(Math.abs(Long.parseLong(ts) - System.currentTimeMillis() / 1000)).as("seconds").isLessThan(3600);
                    assertThat(r.body().path("sign").asText()).as("签名校验").isEqualTo(base64(hmacKey(ts + "\n" + FEISHU_SECRET)));
                    assertThat(r.body().path("msg_type").asText()).isEqualTo("text");
                    assertThat(r.body().path("content").path("text").asText()).isNotBlank();
                }
                default -> {
                    assertThat(WebhookReceiver.valid(HOOK_SECRET, r.signature(), r.raw().getBytes(StandardCharsets.UTF_8))).isTrue();
                    assertThat(r.body().path("state").asText()).isEqualTo("firing");
                }
            }
        }
        List<String> texts = RECEIVED.stream().filter(r -> r.path().equals("/wecom")).map(r -> r.body().path("text").path("content").asText()).toList();
        assertThat(texts).anyMatch(t -> t.contains("DXPENT0000066601") && t.contains("发送失败"))
                .anyMatch(t -> t.contains("DXPENT0000066601") && t.contains("签名证书") && t.contains("天到期"));
        assertThat(RECEIVED.toString()).doesNotContain(DING_SECRET).doesNotContain(FEISHU_SECRET).doesNotContain(HOOK_SECRET);

        int before = RECEIVED.size();
        alerting.round();
        assertThat(RECEIVED).as("not again before it is due").hasSize(before);

        call("POST", "/api/v1/documents/" + id + "/resend", e.apiKey(), null, null);
        awaitSent(id);
        alerting.round();
        List<Received> resolved = RECEIVED.subList(before, RECEIVED.size());
        assertThat(resolved).extracting(Received::path).containsExactlyInAnyOrder("/dingtalk", "/wecom", "/feishu/hook-id", "/hook");
        assertThat(resolved).filteredOn(r -> r.path().equals("/wecom")).singleElement()
                .satisfies(r -> assertThat(r.body().path("text").path("content").asText()).contains("已恢复").contains("发送失败"));
        assertThat(resolved).filteredOn(r -> r.path().equals("/hook")).singleElement()
                .satisfies(r -> assertThat(r.body().path("state").asText()).isEqualTo("resolved"));
    }

    private void awaitSent(String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && !"SENT".equals(jdbc.sql("select state from outbox where document_id = ?").param(id).query(String.class).single())) {
            Thread.sleep(50);
        }
    }

    private static byte[] hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmacKey(String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(new byte[0]);
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static HttpServer robots() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", x -> {
                String raw = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> query = new HashMap<>();
                String q = x.getRequestURI().getRawQuery();
                if (q != null) {
                    for (String p : q.split("&")) {
                        String[] kv = p.split("=", 2);
                        query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                    }
                }
                RECEIVED.add(new Received(x.getRequestURI().getPath(), query, JSON.readTree(raw), x.getRequestHeaders().getFirst("X-Cebgw-Signature"), raw));
                byte[] ok = "{\"errcode\":0,\"code\":0}".getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(200, ok.length);
                x.getResponseBody().write(ok);
                x.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

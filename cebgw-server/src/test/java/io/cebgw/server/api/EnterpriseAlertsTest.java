package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.server.ops.Alerting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts by e-mail (a local SMTP server checks the mail as a client would read it) and per-enterprise alert settings:
 * an enterprise's thresholds replace the gateway's, its own recipients and webhook get its alerts (and not another
 * enterprise's), a transport failing for the set time and a self-test not passed for the set time are told, and
 * settings that write a secret or an unknown key are refused.
 */
class EnterpriseAlertsTest extends GatewayTestBase {
    private static final FakeSmtp SMTP = new FakeSmtp();
    private static final WebhookReceiver HOOK = receiver();
    private static final String ADMIN = "adm1n-alerts-key";
    private static final String HOOK_SECRET = "enterprise-alert-hook-secret";

    @Autowired
    Alerting alerting;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", SMTP::port);
        r.add("cebgw.alerts.email.to", () -> "ops@example.com");
        r.add("cebgw.alerts.email.from", () -> "cebgw@example.com");
        r.add("cebgw.alerts.interval", () -> "1h"); // the test runs the rounds itself
        r.add("cebgw.admin-key", () -> ADMIN);
    }

    private static WebhookReceiver receiver() {
        try {
            WebhookReceiver r = new WebhookReceiver();
            r.secrets.put("/ent-alerts", HOOK_SECRET);
            return r;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        SMTP.close();
        HOOK.close();
    }

    @Test
    void anEnterprisesOwnSettingsAndChannelsAndTheGatewaysEmail() throws Exception {
        Path hookUrl = DIR.resolve("ent-alert-hook.url");
        Files.writeString(hookUrl, HOOK.url("/ent-alerts") + "\n");
        Path hookSecret = DIR.resolve("ent-alert-hook.secret");
        Files.writeString(hookSecret, HOOK_SECRET + "\n");
        enterprises.register("告警甲", "3301964ABC", "DXPENT0000091001", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "ea"),
                "type=amqp\nuri=amqp://127.0.0.1:1\nqueues=cebgw.unreachable\n");
        enterprises.register("告警乙", "3301964ABC", "DXPENT0000091002", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "eb"),
                "type=amqp\nuri=amqp://127.0.0.1:1\nqueues=cebgw.unreachable.b\n");

        assertThat(patch("DXPENT0000091001", "dingtalk.url=https://oapi.dingtalk.com/robot/send?access_token=abc\n").statusCode())
                .as("a robot address written as itself").isEqualTo(422);
        HttpResponse<String> typo = patch("DXPENT0000091001", "receipt-overdu=45m\n");
        assertThat(typo.statusCode()).isEqualTo(422);
        assertThat(typo.body()).contains("GW-E006").contains("receipt-overdu");
        assertThat(patch("DXPENT0000091001", "transport-failing=0s\nselftest-max-age=1s\nemail.to=ent-a@example.com\nwebhook.url.file=" + hookUrl
                + "\nwebhook.secret.file=" + hookSecret + "\n").statusCode()).isEqualTo(200);
        Thread.sleep(1200); // older than its selftest-max-age of one second

        alerting.round();
        List<FakeSmtp.Mail> mails = SMTP.mails();
        assertThat(mails).as("the gateway's recipient gets every alert").anySatisfy(m -> {
            assertThat(m.recipients()).containsExactly("ops@example.com");
            assertThat(m.message().getSubject()).startsWith("【CEB 网关告警 / alert】");
            assertThat(m.message().getFrom()[0].toString()).isEqualTo("cebgw@example.com");
            assertThat(m.message().getContent().toString()).contains("DXPENT0000091001").contains("无法连接").contains("北京时间");
        });
        List<String> toEnterprise = mails.stream().filter(m -> m.recipients().contains("ent-a@example.com")).map(FakeSmtp.Mail::message)
                .map(EnterpriseAlertsTest::content).toList();
        assertThat(toEnterprise).as("its own recipient: its transport (failing for 0 s is enough) and its self-test")
                .anyMatch(t -> t.contains("已连续") && t.contains("DXPENT0000091001"))
                .anyMatch(t -> t.contains("联调自测") && t.contains("从未通过"))
                .noneMatch(t -> t.contains("DXPENT0000091002"));
        assertThat(mails.stream().map(FakeSmtp.Mail::message).map(EnterpriseAlertsTest::content))
                .as("the other enterprise: its transport is failing, but under the gateway's 5 minutes")
                .noneMatch(t -> t.contains("DXPENT0000091002"));
        assertThat(HOOK.at("/ent-alerts")).as("its own webhook, signed with its secret").isNotEmpty().allSatisfy(d -> {
            assertThat(d.signatureValid()).isTrue();
            assertThat(d.event().path("zh").asText()).contains("DXPENT0000091001");
            assertThat(d.event().path("state").asText()).isEqualTo("firing");
        });

        int before = SMTP.mails().size();
        assertThat(patchProfile("DXPENT0000091001", Map.of("transportProfile", "")).statusCode()).isEqualTo(200);
        alerting.round();
        assertThat(SMTP.mails().subList(before, SMTP.mails().size())).extracting(m -> m.message().getSubject())
                .as("resolved, to the gateway's and the enterprise's recipients").hasSize(2).allMatch(s -> s.startsWith("【已恢复 / resolved】"));
        JsonNode view = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/admin/v1/enterprises/DXPENT0000091001")).header("X-Admin-Key", ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(view.path("alertProfile").asText()).contains("email.to=ent-a@example.com").doesNotContain(HOOK_SECRET);
    }

    @Test
    void aMessageTypeCanHaveItsOwnReceiptDeadline() throws Exception {
        io.cebgw.server.document.EnterpriseService.Registered c = enterprises.register("回执超时", "3301964ABC", "DXPENT0000091003", "EBC,AGENT",
                profile(SignatureSuite.SM2_SM3, "ec"));
        List<String> ids = declare(c.apiKey(), io.cebgw.sandbox.FlowDocuments.flow("9710", "LATE-", "3301964ABC", "DXPENT0000091003").subList(0, 2));
        awaitFinal(c.apiKey(), ids, java.time.Duration.ofSeconds(60));
        // both documents as if declared an hour ago and still waiting for their receipts
        for (String id : ids) {
            jdbc.sql("update document set final_state = false, status = '2', updated_at = ? where id = ?")
                    .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))), id).update();
        }
        assertThat(patch("DXPENT0000091003", "receipt-overdue=2h\nreceipt-overdue.CEB303=30m\nemail.to=late@example.com\n").statusCode()).isEqualTo(200);
        alerting.round();
        List<String> late = SMTP.mails().stream().filter(m -> m.recipients().contains("late@example.com")).map(FakeSmtp.Mail::message)
                .map(EnterpriseAlertsTest::content).toList();
        assertThat(late).as("the order (CEB303) is over its 30 minutes, the waybill (CEB505) within the enterprise's 2 hours")
                .anyMatch(t -> t.contains("CEB303") && t.contains("30 分钟")).noneMatch(t -> t.contains("CEB505"));
        assertThat(patch("DXPENT0000091003", "receipt-overdue.CEB60=30m\n").statusCode()).as("not a message type").isEqualTo(422);
    }

    private static String content(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject() + "\n" + m.getContent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> patch(String dxpId, String alertProfile) throws Exception {
        return patchProfile(dxpId, Map.of("alertProfile", alertProfile));
    }

    private HttpResponse<String> patchProfile(String dxpId, Map<String, String> body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/enterprises/" + dxpId))
                .header("Content-Type", "application/json").header("X-Admin-Key", ADMIN)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }
}

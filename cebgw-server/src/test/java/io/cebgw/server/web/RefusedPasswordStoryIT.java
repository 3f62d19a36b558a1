package io.cebgw.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.Enterprise;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.sandbox.Registry;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.sandbox.SandboxConfig;
import io.cebgw.server.api.RabbitMq;
import io.cebgw.server.api.WebhookReceiver;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import io.cebgw.server.document.WebUsers;
import io.cebgw.server.ops.Alerting;
import io.cebgw.transport.amqp.AmqpTransport;
import io.cebgw.transports.TransportCatalog;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance story of issue 18 as an operator lives it, on the machine's RabbitMQ: an enterprise's transport
 * profile names a password the broker refuses. The document is dead-lettered on its first attempt; its page and the
 * API say why in words; the enterprise's alert webhook hears of it; the overview counts it; the administrator mends the
 * password file reference on the enterprise page, and the document goes out and is answered — no restart, no resend.
 */
class RefusedPasswordStoryIT extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Alerting alerting;

    @Test
    void aRefusedPasswordIsSeenEverywhereAndMendedWithoutARestart() throws Exception {
        RabbitMq.require();
        String queues = "cebgw.story." + UUID.randomUUID();
        Path wrong = DIR.resolve("story-wrong.pw");
        Files.writeString(wrong, "not-the-password\n");
        Path right = DIR.resolve("story-right.pw");
        Files.writeString(right, "guest\n");
        String refusing = "type=amqp\nuri=amqp://127.0.0.1:5672\nuser=guest\npassword.file=" + wrong + "\nqueues=" + queues + "\n";
        WebhookReceiver alerts = new WebhookReceiver();
        alerts.secrets.put("/alerts", "story-alert-secret");
        Path hookUrl = DIR.resolve("story-alert.url");
        Files.writeString(hookUrl, alerts.url("/alerts") + "\n");
        Path hookSecret = DIR.resolve("story-alert.secret");
        Files.writeString(hookSecret, "story-alert-secret\n");

        EnterpriseService.Registered e = enterprises.register("密码错误企业", "3301964ABC", "DXPENT0000021020", "EBC,AGENT", profile("story"), refusing);
        enterprises.update(e.enterprise(), new EnterpriseService.Changes(null, null, null, null, null, null,
                "webhook.url.file=" + hookUrl + "\nwebhook.secret.file=" + hookSecret + "\n"));
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "story-admin", "管理员");

        Registry registry = new Registry();
        registry.register(new Enterprise("密码错误企业", "3301964ABC", "DXPENT0000021020", List.of(TestKeys.key(SignatureSuite.SM2_SM3).certificate())));
        TransportSpec peer = TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "user", "guest", "password.file", right.toString(),
                "queues", queues));
        try (Sandbox customs = new Sandbox(new SandboxConfig(null, null, -1, 10, null, List.of(), null), registry,
                TransportCatalog.open(peer, End.EXCHANGE), Clock.systemUTC())) {
            customs.start();
            HttpResponse<String> created = api("POST", "/api/v1/documents?declare=true", e.apiKey(),
                    JsonMessages.write(FlowDocuments.flow("9710", "STORY-", "3301964ABC", "DXPENT0000021020").get(0)).toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).path("id").asText();

            // the API says it in words
            JsonNode sending = await(() -> JSON.readTree(api("GET", "/api/v1/documents/" + id, e.apiKey(), null).body()).path("outbox").path(0),
                    s -> "DEAD".equals(s.path("state").asText()));
            assertThat(sending.path("lastError").asText()).startsWith("CEB-T020").contains("拒绝了登录").doesNotContain("not-the-password");
            assertThat(sending.path("stateName").path("zh").asText()).isEqualTo("发送失败（死信）");

            // an alert goes out, to the enterprise's own webhook
            alerting.round();
            assertThat(alerts.at("/alerts")).as("the enterprise's alert webhook").anySatisfy(r -> {
                assertThat(r.signatureValid()).isTrue();
                assertThat(r.event().path("key").asText()).isEqualTo("dead-letter:DXPENT0000021020");
                assertThat(r.event().path("zh").asText()).contains("发送失败");
            });

            // the overview counts it, the document page says why
            signIn("story-admin", user.password());
            assertThat(browser.findElement(By.cssSelector("#sending-counts a[data-kind='DEAD'] strong")).getText()).isEqualTo("1");
            browser.get(url("/documents/" + id));
            assertThat(browser.findElement(By.cssSelector("#sending tr[data-state='DEAD']")).getText()).contains("CEB-T020").contains("拒绝了登录");

            // the administrator mends the profile on the enterprise page: the document goes out, without a restart or a resend
            browser.get(url("/enterprise"));
            browser.findElement(By.cssSelector("details.card summary")).click();
            WebElement transport = browser.findElement(By.name("transportProfile"));
            String mended = transport.getAttribute("value").replace(wrong.toString(), right.toString());
            transport.clear();
            transport.sendKeys(mended);
            click("save-enterprise");
            assertThat(browser.findElement(By.id("enterprise-saved")).getText()).isNotBlank();
            JsonNode done = await(() -> JSON.readTree(api("GET", "/api/v1/documents/" + id, e.apiKey(), null).body()),
                    d -> "SENT".equals(d.path("outbox").path(0).path("state").asText()) && d.path("final").asBoolean());
            assertThat(done.path("outbox").path(0).path("state").asText()).as(done.toString()).isEqualTo("SENT");
            assertThat(done.path("final").asBoolean()).as("customs answered over the mended transport").isTrue();

            alerting.round();
            assertThat(alerts.at("/alerts")).as("and the alert is resolved")
                    .anySatisfy(r -> assertThat(r.event().path("state").asText()).isEqualTo("resolved"));
            browser.get(url("/"));
            assertThat(browser.findElements(By.cssSelector("#sending-counts a[data-kind='DEAD'] strong"))).allSatisfy(c -> assertThat(c.getText()).isEqualTo("0"));
        } finally {
            alerts.close();
            try (AmqpTransport cleaner = (AmqpTransport) TransportCatalog.open(peer, End.ENTERPRISE)) {
                cleaner.deleteQueues();
            }
        }
    }

    private interface Read {
        JsonNode get() throws Exception;
    }

    private static JsonNode await(Read read, java.util.function.Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = read.get();
        while (!done.test(last) && System.nanoTime() < end) {
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }

    private HttpResponse<String> api(String method, String path, String apiKey, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("X-Api-Key", apiKey);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.Enterprise;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.sandbox.Registry;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.sandbox.SandboxConfig;
import io.cebgw.transport.amqp.AmqpTransport;
import io.cebgw.transports.TransportCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's default is the folder transport; one enterprise registered with its own AMQP profile has its
 * documents carried over AMQP (to a sandbox listening there) while the folder sandbox sees none of them.
 */
@TestPropertySource(properties = "cebgw.admin-key=adm1n-test-key")
class PerEnterpriseTransportTest extends GatewayTestBase {
    @Autowired
    Sandbox folderSandbox;

    @BeforeAll
    static void broker() {
        RabbitMq.require();
    }

    private HttpResponse<String> admin(Object body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/enterprises"))
                .header("Content-Type", "application/json").header("X-Admin-Key", "adm1n-test-key")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEnterprisesOwnProfileCarriesItsDocuments() throws Exception {
        String signing = profile(SignatureSuite.SM2_SM3, "own");
        HttpResponse<String> refused = admin(Map.of("name", "坏配置", "customsCode", "3301964ABD", "dxpId", "DXPENT0000044443",
                "signingProfile", signing, "transportProfile", "type=amqp\nuri=amqp://ent:s3cr3t-pw@mq.example:5672\nqueues=q\n"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("CEB-T004").doesNotContain("s3cr3t-pw");

        String queues = "cebgw.own." + UUID.randomUUID();
        TransportSpec own = TransportSpec.of("amqp", Map.of("uri", RabbitMq.URI, "queues", queues));
        HttpResponse<String> created = admin(Map.of("name", "自有通道", "customsCode", "3301964ABC", "dxpId", "DXPENT0000044444",
                "roles", "EBC,AGENT", "signingProfile", signing, "transportProfile", own.text()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String apiKey = JSON.readTree(created.body()).path("apiKey").asText();
        JsonNode steps = JSON.readTree(call("GET", "/api/v1/enterprise", apiKey, null, null).body()).path("onboarding");
        assertThat(steps.get(4).path("detail").asText()).as("step 5 connects, as doctor does").startsWith("本企业的正式传输已连接并登录");
        JsonNode selfTest = JSON.readTree(call("POST", "/api/v1/enterprise/selftest", apiKey, null, null).body());
        String report = selfTest.path("report").asText();
        assertThat(selfTest.path("passed").asBoolean()).as(report).isTrue();
        assertThat(report).as("step 4 runs over the enterprise's own broker and says so").startsWith("传输：企业所用的传输 amqp " + RabbitMq.URI)
                .contains("运行后删除");

        Registry registry = new Registry();
        registry.register(new Enterprise("自有通道", "3301964ABC", "DXPENT0000044444", List.of(TestKeys.key(SignatureSuite.SM2_SM3).certificate())));
        try (Sandbox amqpSandbox = new Sandbox(new SandboxConfig(null, null, -1, 10, null, List.of(), null), registry,
                TransportCatalog.open(own, End.EXCHANGE), Clock.systemUTC())) {
            amqpSandbox.start();
            String id = shipment(apiKey, "9710", FlowDocuments.flow("9710", "OWN-", "3301964ABC", "DXPENT0000044444"));
            JsonNode done = await(apiKey, id, s -> s.path("complete").asBoolean());
            assertThat(done.path("complete").asBoolean()).as(done.toString()).isTrue();
            assertThat(amqpSandbox.ledger().documents()).hasSize(done.path("documents").size());
            assertThat(folderSandbox.ledger().documents()).as("nothing of it went through the folder")
                    .noneMatch(d -> d.key().contains("OWN-"));
        } finally {
            try (AmqpTransport cleaner = (AmqpTransport) TransportCatalog.open(own, End.ENTERPRISE)) {
                cleaner.deleteQueues();
            }
        }
    }

    /**
     * A broker that refuses the enterprise's password is no passing failure: the document goes to dead letter on its
     * first attempt, with the reason in words, instead of ten tries over an hour.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aRefusedPasswordDeadLettersOnTheFirstAttemptWithItsReason(org.springframework.boot.test.system.CapturedOutput log) throws Exception {
        java.nio.file.Path wrong = DIR.resolve("wrong-mq.pw");
        java.nio.file.Files.writeString(wrong, "not-the-password\n");
        String queues = "cebgw.refused." + UUID.randomUUID();
        TransportSpec refusing = TransportSpec.of("amqp", Map.of("uri", "amqp://127.0.0.1:5672", "user", "guest", "password.file", wrong.toString(),
                "queues", queues));
        HttpResponse<String> created = admin(Map.of("name", "错误密码", "customsCode", "3301964ABC", "dxpId", "DXPENT0000044445",
                "roles", "EBC,AGENT", "signingProfile", profile(SignatureSuite.SM2_SM3, "refused"), "transportProfile", refusing.text()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String apiKey = JSON.readTree(created.body()).path("apiKey").asText();
        WebhookReceiver erp = new WebhookReceiver();
        HttpResponse<String> hook = call("POST", "/api/v1/webhooks", apiKey, "application/json",
                "{\"url\":\"" + erp.url("/dead") + "\",\"events\":[\"document.dead_letter\"]}");
        erp.secrets.put("/dead", JSON.readTree(hook.body()).path("secret").asText());

        String id = declare(apiKey, List.of(FlowDocuments.flow("9710", "REF-", "3301964ABC", "DXPENT0000044445").get(0))).get(0);
        JsonNode sending = null;
        long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            sending = JSON.readTree(call("GET", "/api/v1/documents/" + id, apiKey, null, null).body()).path("outbox").path(0);
            if (!"PENDING".equals(sending.path("state").asText()) || sending.path("attempts").asInt() > 0) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(sending.path("state").asText()).as(String.valueOf(sending)).isEqualTo("DEAD");
        assertThat(sending.path("attempts").asInt()).isEqualTo(1);
        assertThat(sending.path("lastError").asText()).startsWith("CEB-T020 ").contains("拒绝了登录").contains("refused the credentials")
                .doesNotContain("not-the-password");
        assertThat(sending.path("stateName").path("zh").asText()).isEqualTo("发送失败（死信）");
        String copMsgId = sending.path("copMsgId").asText();
        assertThat(log.getOut().lines().filter(l -> l.contains("dead-lettered")).toList())
                .as("the log line names the enterprise, the document and the CopMsgId (MDC)")
                .anyMatch(l -> l.contains(id) && l.contains(copMsgId) && l.contains("CEB-T020"));
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (erp.at("/dead").isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        erp.close();
        assertThat(erp.at("/dead")).as("the ERP is told at once").singleElement().satisfies(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.event().path("type").asText()).isEqualTo("document.dead_letter");
            assertThat(r.event().path("documentId").asText()).isEqualTo(id);
            assertThat(r.event().path("lastError").asText()).contains("CEB-T020").doesNotContain("not-the-password");
        });
    }
}

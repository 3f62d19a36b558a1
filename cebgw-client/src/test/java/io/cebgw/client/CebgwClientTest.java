package io.cebgw.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the real gateway (H2, the in-process sandbox): what an ERP integrator writes, call by call. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CebgwClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = temp();

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:client" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        r.add("cebgw.exchange-folder", () -> DIR.resolve("exchange").toString());
        r.add("cebgw.sandbox", () -> "true");
        r.add("cebgw.sandbox-step-millis", () -> "10");
        r.add("cebgw.relay-interval", () -> "30ms");
        r.add("cebgw.poll-interval", () -> "20ms");
        r.add("cebgw.webhooks.interval", () -> "50ms");
    }

    @Test
    void documentsShipmentsEventsAndRefusalsAsTypedCalls() throws Exception {
        EnterpriseService.Registered e = register("DXPENT0000077001", "cl");
        CebgwClient gw = CebgwClient.connect(URI.create("http://127.0.0.1:" + port), e.apiKey());

        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "CL1-", e.enterprise().dxpId());
        Document draft = gw.createDocument(json(order), false, "erp-order-1");
        assertThat(draft.declared()).isFalse();
        assertThat(gw.createDocument(json(order), false, "erp-order-1").id()).as("idempotent").isEqualTo(draft.id());
        Document declared = gw.declare(draft.id());
        assertThat(declared.declared()).isTrue();
        waitFor(() -> gw.document(draft.id()).isFinal());
        Document done = gw.document(draft.id());
        assertThat(done.status()).isEqualTo("120");
        assertThat(done.statusZh()).isEqualTo("海关入库");

        Shipment created = gw.createShipment("9710", "客户端货物",
                FlowDocuments.flow("9710", "CL2-", "3301964ABC", e.enterprise().dxpId()).stream().map(CebgwClientTest::json).toList());
        waitFor(() -> gw.shipment(created.id()).complete());
        assertThat(gw.shipment(created.id()).documents()).hasSize(created.documents().size()).allMatch(Document::isFinal);

        String refused = gw.createDocument(json(FlowDocuments.document(MessageType.CEB303, "9710", "SBX-REJECT-CL3-", e.enterprise().dxpId())), true).id();
        List<Event> events = new ArrayList<>();
        long[] cursor = {0};
        waitFor(() -> {
            EventPage page = gw.events(cursor[0], 50);
            events.addAll(page.events());
            cursor[0] = page.next();
            return events.stream().anyMatch(ev -> ev.type().equals(Event.REJECTED) && ev.documentId().equals(refused));
        });
        Event rejection = events.stream().filter(ev -> ev.documentId().equals(refused) && ev.type().equals(Event.REJECTED)).findFirst().orElseThrow();
        assertThat(rejection.toStatus()).isEqualTo("100");
        assertThat(rejection.returnInfo()).isNotBlank();
        assertThat(gw.documents("CEB303Message", 10)).extracting(Document::id).contains(draft.id(), refused);

        CebMessage broken = FlowDocuments.document(MessageType.CEB303, "9710", "CL4-", e.enterprise().dxpId());
        broken.businessRecords().get(0).child("OrderHead").set("currency", "XXX");
        assertThatThrownBy(() -> gw.createDocument(json(broken), true)).isInstanceOfSatisfying(CebgwException.class, x -> {
            assertThat(x.status()).isEqualTo(422);
            assertThat(x.code()).isEqualTo("GW-D003");
            assertThat(x.zh()).contains("校验未通过");
            assertThat(x.findings().toString()).contains("currency");
            assertThat(x.retryable()).isFalse();
        });
        assertThatThrownBy(() -> gw.document("no-such-id")).isInstanceOfSatisfying(CebgwException.class, x -> assertThat(x.code()).isEqualTo("GW-D404"));
        CebgwClient wrongKey = CebgwClient.connect(URI.create("http://127.0.0.1:" + port), "not-a-key");
        assertThatThrownBy(() -> wrongKey.events(0, 10)).isInstanceOfSatisfying(CebgwException.class, x -> assertThat(x.status()).isEqualTo(401));
        CebgwClient nowhere = CebgwClient.connect(URI.create("http://127.0.0.1:1"), e.apiKey(), Duration.ofSeconds(2));
        assertThatThrownBy(() -> nowhere.events(0, 10)).isInstanceOfSatisfying(CebgwException.class, x -> {
            assertThat(x.code()).isEqualTo("IO");
            assertThat(x.retryable()).isTrue();
        });
    }

    /** A webhook set up through the client; the receiver trusts only what its verifier accepts. */
    @Test
    void webhooksAreSubscribedAndTheirSignaturesChecked() throws Exception {
        EnterpriseService.Registered e = register("DXPENT0000077002", "cw");
        CebgwClient gw = CebgwClient.connect(URI.create("http://127.0.0.1:" + port), e.apiKey());
        List<Event> trusted = new CopyOnWriteArrayList<>();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> headers = new CopyOnWriteArrayList<>();
        WebhookVerifier[] verifier = new WebhookVerifier[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            String header = x.getRequestHeaders().getFirst(WebhookVerifier.HEADER);
            bodies.add(body);
            headers.add(header);
            try {
                trusted.add(verifier[0].verify(header, body));
                x.sendResponseHeaders(204, -1);
            } catch (WebhookVerifier.Rejected r) {
                x.sendResponseHeaders(401, -1);
            }
            x.close();
        });
        receiver.start();
        try {
            Webhook hook = gw.createWebhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", List.of("*"), "ERP");
            assertThat(hook.secret()).startsWith("whsec_");
            verifier[0] = new WebhookVerifier(hook.secret());
            assertThat(gw.webhooks()).singleElement().satisfies(w -> assertThat(w.secret()).as("shown once").isNull());
            gw.pingWebhook(hook.id());
            String id = gw.createDocument(json(FlowDocuments.document(MessageType.CEB303, "9710", "CW1-", e.enterprise().dxpId())), true).id();
            waitFor(() -> trusted.stream().anyMatch(ev -> id.equals(ev.documentId()) && "120".equals(ev.toStatus())));
            assertThat(trusted).anyMatch(ev -> ev.type().equals(Event.PING));
            assertThat(trusted).hasSameSizeAs(bodies);

            byte[] body = bodies.get(0);
            String header = headers.get(0);
            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"type\"", "\"typo\"").getBytes(StandardCharsets.UTF_8);
            assertThat(failure(verifier[0], header, tampered)).isEqualTo(WebhookVerifier.Failure.WRONG_SIGNATURE);
            assertThat(failure(new WebhookVerifier("whsec_another-secret-entirely"), header, body)).isEqualTo(WebhookVerifier.Failure.WRONG_SIGNATURE);
            WebhookVerifier later = new WebhookVerifier(hook.secret(), Duration.ofMinutes(5), Clock.fixed(Instant.now().plusSeconds(600), ZoneOffset.UTC));
            assertThat(failure(later, header, body)).as("replayed ten minutes later").isEqualTo(WebhookVerifier.Failure.OUTSIDE_WINDOW);
            assertThat(failure(verifier[0], null, body)).isEqualTo(WebhookVerifier.Failure.MISSING);
            assertThat(failure(verifier[0], "t=abc,v1=zz", body)).isEqualTo(WebhookVerifier.Failure.MALFORMED);
            gw.deleteWebhook(hook.id());
            assertThat(gw.webhooks()).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }

    private static WebhookVerifier.Failure failure(WebhookVerifier v, String header, byte[] body) {
        try {
            v.verify(header, body);
            return null;
        } catch (WebhookVerifier.Rejected r) {
            return r.failure();
        }
    }

    private EnterpriseService.Registered register(String dxpId, String name) throws Exception {
        Path p12 = DIR.resolve(name + ".p12");
        Path pw = DIR.resolve(name + ".pw");
        Files.writeString(pw, "pw-" + name + "\n");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, ("pw-" + name).toCharArray(), "cebgw");
        return enterprises.register("客户端企业 " + name, "3301964ABC", dxpId, "EBC,AGENT", "type=pkcs12\npath=" + p12 + "\npassword.file=" + pw + "\n");
    }

    private static JsonNode json(CebMessage m) {
        try {
            return JSON.readTree(JsonMessages.write(m).toString());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    private static void waitFor(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("in time").isTrue();
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("cebgw-client-test");
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

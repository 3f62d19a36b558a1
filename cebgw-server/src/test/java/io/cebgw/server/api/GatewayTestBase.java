package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.model.CebMessage;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A gateway on H2 in memory with the in-process sandbox on a temporary exchange folder, driven over HTTP. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIR = temp();

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;

    private static Path temp() {
        try {
            return Files.createTempDirectory("cebgw-server-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:gw" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        r.add("cebgw.exchange-folder", () -> DIR.resolve("exchange-" + UUID.randomUUID()).toString());
        r.add("cebgw.sandbox", () -> "true");
        r.add("cebgw.sandbox-step-millis", () -> "10");
        r.add("cebgw.relay-interval", () -> "30ms");
        r.add("cebgw.poll-interval", () -> "20ms");
        r.add("cebgw.webhooks.interval", () -> "50ms");
        r.add("cebgw.webhooks.first-retry", () -> "100ms");
        r.add("cebgw.webhooks.max-attempts", () -> "3");
    }

    String profile(SignatureSuite suite, String name) throws Exception {
        Path p12 = DIR.resolve(name + ".p12");
        Path pw = DIR.resolve(name + ".pw");
        Files.writeString(pw, "pw-" + name + "\n");
        KeyPairs.writePkcs12(TestKeys.key(suite), p12, ("pw-" + name).toCharArray(), "cebgw");
        return "type=pkcs12\npath=" + p12 + "\npassword.file=" + pw + "\n";
    }

    HttpResponse<String> call(String method, String path, String apiKey, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Declares every message; returns the document ids. */
    List<String> declare(String apiKey, List<CebMessage> messages) throws Exception {
        List<String> ids = new ArrayList<>();
        for (CebMessage m : messages) {
            HttpResponse<String> created = call("POST", "/api/v1/documents?declare=true", apiKey, "application/json", JsonMessages.write(m).toString());
            if (created.statusCode() != 201) {
                throw new AssertionError(created.body());
            }
            ids.add(JSON.readTree(created.body()).path("id").asText());
        }
        return ids;
    }

    /** Waits until every document is final (or the time is up); returns their current JSON. */
    List<JsonNode> awaitFinal(String apiKey, List<String> ids, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        List<JsonNode> docs = List.of();
        while (System.nanoTime() < end) {
            docs = new ArrayList<>();
            for (String id : ids) {
                docs.add(JSON.readTree(call("GET", "/api/v1/documents/" + id, apiKey, null, null).body()));
            }
            if (docs.stream().allMatch(d -> d.path("final").asBoolean())) {
                return docs;
            }
            Thread.sleep(50);
        }
        return docs;
    }

    /** Creates a shipment of these documents; returns its id. */
    String shipment(String key, String tradeMode, List<CebMessage> docs) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("tradeMode", tradeMode).put("name", "测试货物");
        ArrayNode array = body.putArray("documents");
        docs.forEach(m -> array.add(JsonMessages.write(m)));
        var r = call("POST", "/api/v1/shipments", key, "application/json", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(r.body());
        assertThat(created.path("documents")).hasSize(docs.size());
        return created.path("id").asText();
    }

    JsonNode await(String key, String id, java.util.function.Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode s = null;
        while (System.nanoTime() < end) {
            s = JSON.readTree(call("GET", "/api/v1/shipments/" + id, key, null, null).body());
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(50);
        }
        return s;
    }

    /**
     * Registers an enterprise, sends a 9710 shipment for it and waits until it is complete; checks that the sandbox
     * took every document exactly once. Returns the finished shipment.
     */
    JsonNode shipmentCompletes(io.cebgw.sandbox.Sandbox sandbox, String dxpId, String prefix) throws Exception {
        io.cebgw.server.document.EnterpriseService.Registered e = enterprises.register(prefix, "3301964ABC", dxpId, "EBC,AGENT",
                profile(io.cebgw.crypto.SignatureSuite.SM2_SM3, prefix.toLowerCase(java.util.Locale.ROOT)));
        String id = shipment(e.apiKey(), "9710", io.cebgw.sandbox.FlowDocuments.flow("9710", prefix + "-", "3301964ABC", dxpId));
        JsonNode done = await(e.apiKey(), id, s -> s.path("complete").asBoolean());
        assertThat(done.path("complete").asBoolean()).as(done.toString()).isTrue();
        assertThat(sandbox.ledger().documents()).as("every document reached the sandbox").hasSize(done.path("documents").size());
        assertThat(sandbox.ledger().duplicateDeliveries()).isZero();
        return done;
    }
}

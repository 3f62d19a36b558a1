package io.cebgw.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.LocalPorts;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.Arrival;
import io.cebgw.sandbox.Enterprise;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.sandbox.Registry;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.sandbox.SandboxConfig;
import io.cebgw.server.document.JsonMessages;
import io.cebgw.transport.folder.FolderTransport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the gateway process during a burst of 2,000 documents, then a restart on the same database and
 * exchange folder: the sandbox (in this JVM) processes every document exactly once, counts no duplicate delivery,
 * and every document reaches its final status. Clients resubmit what they got no answer for with the same
 * Idempotency-Key.
 */
@Tag("slow")
class CrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DOCUMENTS = Integer.getInteger("crash.documents", 2000);
    private static final String DXP_ID = "DXPENT0000066666";
    private static final String ADMIN = "crash-admin-key";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killDashNineDuringABurstLosesAndDuplicatesNothing() throws Exception {
        Path exchange = dir.resolve("exchange");
        Registry registry = new Registry();
        registry.register(new Enterprise("crash", "3301964ABC", DXP_ID, List.of(TestKeys.key(SignatureSuite.SM2_SM3).certificate())));
        try (Sandbox sandbox = new Sandbox(new SandboxConfig(null, exchange, -1, 2, null, List.of(), null), registry,
                new FolderTransport(exchange, FolderTransport.Side.EXCHANGE, Duration.ofMillis(10), 64L << 20), Clock.systemUTC())) {
            sandbox.start();
            int port = LocalPorts.free();
            Process gateway = startGateway(port, exchange);
            String apiKey;
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "K" + i + "-", DXP_ID);
                bodies.add(JsonMessages.write(order).toString());
            }
            Set<Integer> accepted = ConcurrentHashMap.newKeySet();
            try {
                apiKey = register(port);
                ExecutorService pool = Executors.newFixedThreadPool(8);
                for (int i = 0; i < DOCUMENTS; i++) {
                    int n = i;
                    pool.submit(() -> {
                        if (submit(port, apiKey, n, bodies.get(n))) {
                            accepted.add(n);
                        }
                        return null;
                    });
                }
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (accepted.size() < DOCUMENTS / 5 && System.nanoTime() < end) {
                    Thread.sleep(5);
                }
                gateway.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
                assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
                pool.shutdown();
                assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            } finally {
                gateway.destroyForcibly();
            }
            assertThat(accepted.size()).as("the kill came in the middle of the burst").isBetween(DOCUMENTS / 5, DOCUMENTS - 1);

            gateway = startGateway(port, exchange);
            try {
                for (int i = 0; i < DOCUMENTS; i++) {
                    assertThat(submit(port, apiKey, i, bodies.get(i))).as("resubmission " + i).isTrue();
                }
                Map<String, Long> statuses = Map.of();
                long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while (System.nanoTime() < end) {
                    statuses = statuses(port, apiKey);
                    if (statuses.getOrDefault("120", 0L) == DOCUMENTS) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertThat(statuses).as("every document reached its final status").containsEntry("120", (long) DOCUMENTS);
                List<Arrival> processed = sandbox.ledger().arrivals().stream().filter(Arrival::accepted).toList();
                assertThat(processed).hasSize(DOCUMENTS);
                assertThat(processed.stream().map(Arrival::copMsgId).distinct().count()).isEqualTo(DOCUMENTS);
                assertThat(sandbox.ledger().duplicateDeliveries()).as("no envelope was delivered twice").isZero();
            } finally {
                gateway.destroy();
                gateway.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process startGateway(int port, Path exchange) throws Exception {
        Path log = Path.of("target", "crash-gateway-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.cebgw.server.GatewayApplication",
                "--server.port=" + port, "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "--cebgw.exchange-folder=" + exchange,
                "--cebgw.admin-key=" + ADMIN, "--cebgw.relay-interval=20ms", "--cebgw.poll-interval=20ms", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new AssertionError("the gateway exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 401) {
                    return p;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the gateway did not start: " + Files.readString(log));
    }

    private String register(int port) throws Exception {
        Path p12 = dir.resolve("crash.p12");
        Path pw = dir.resolve("crash.pw");
        Files.writeString(pw, "crash-pw\n");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, "crash-pw".toCharArray(), "cebgw");
        String body = JSON.writeValueAsString(Map.of("name", "crash", "customsCode", "3301964ABC", "dxpId", DXP_ID,
                "signingProfile", "type=pkcs12\npath=" + p12 + "\npassword.file=" + pw + "\n"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/enterprises"))
                .header("Content-Type", "application/json").header("X-Admin-Key", ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("apiKey").asText();
    }

    /** True when the gateway holds the document (201 new, or 200 for a repeated Idempotency-Key). */
    private boolean submit(int port, String apiKey, int n, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents?declare=true"))
                    .header("Content-Type", "application/json").header("X-Api-Key", apiKey).header("Idempotency-Key", "crash-" + n)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 201 || r.statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Map<String, Long> statuses(int port, String apiKey) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/documents?limit=500&offset=" + offset)).header("X-Api-Key", apiKey).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            page.forEach(all::add);
            if (page.size() < 500) {
                break;
            }
        }
        return all.stream().collect(Collectors.groupingBy(d -> d.path("status").asText("none"), Collectors.counting()));
    }

}

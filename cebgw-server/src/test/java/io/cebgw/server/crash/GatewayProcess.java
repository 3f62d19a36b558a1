package io.cebgw.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway in a JVM of its own (this test JVM's class path), for tests that kill it with -9, and the API calls a
 * client makes of it: register an enterprise, submit a document with an Idempotency-Key, count statuses.
 */
final class GatewayProcess implements AutoCloseable {
    static final String ADMIN = "crash-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The lines of the gateway's log that contain {@code text}. */
    List<String> logLines(String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text)).toList();
    }

    /** Starts a gateway on {@code port} with these settings (besides the admin key and quick relay rounds) and waits until it answers. */
    static GatewayProcess start(int port, String name, List<String> settings) throws Exception {
        Path log = Path.of("target", name + "-gateway-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.cebgw.server.GatewayApplication",
                "--server.port=" + port, "--cebgw.admin-key=" + ADMIN, "--cebgw.relay-interval=20ms", "--cebgw.poll-interval=20ms",
                "--logging.level.root=WARN"));
        command.addAll(settings);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new AssertionError("the gateway exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 401) {
                    return new GatewayProcess(p, port, log);
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the gateway did not start: " + Files.readString(log));
    }

    /** kill -9: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Registers an enterprise signing with the test SM2 key (a PKCS#12 in {@code dir}); returns its API key. */
    String register(Path dir, String name, String dxpId) throws Exception {
        Path p12 = dir.resolve(name + ".p12");
        Path pw = dir.resolve(name + ".pw");
        Files.writeString(pw, "crash-pw\n");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, "crash-pw".toCharArray(), "cebgw");
        String body = JSON.writeValueAsString(Map.of("name", name, "customsCode", "3301964ABC", "dxpId", dxpId,
                "signingProfile", "type=pkcs12\npath=" + p12 + "\npassword.file=" + pw + "\n"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/v1/enterprises"))
                .header("Content-Type", "application/json").header("X-Admin-Key", ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("apiKey").asText();
    }

    /** True when the gateway holds the document (201 new, or 200 for a repeated Idempotency-Key). */
    boolean submit(String apiKey, String idempotencyKey, String body) {
        int status = post(apiKey, idempotencyKey, body);
        return status == 201 || status == 200;
    }

    /** Declares a document; the HTTP status, or -1 when the gateway did not answer. */
    int post(String apiKey, String idempotencyKey, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents?declare=true"))
                    .header("Content-Type", "application/json").header("X-Api-Key", apiKey).header("Idempotency-Key", idempotencyKey)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** How many of the enterprise's documents have each status (API pages of 500). */
    Map<String, Long> statuses(String apiKey) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
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

    /** Waits until {@code count} documents have the final status {@code status}; the counts last seen. */
    Map<String, Long> awaitStatus(String apiKey, String status, long count, Duration patience) throws Exception {
        Map<String, Long> statuses = Map.of();
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            statuses = statuses(apiKey);
            if (statuses.getOrDefault(status, 0L) == count) {
                break;
            }
            Thread.sleep(500);
        }
        return statuses;
    }
}

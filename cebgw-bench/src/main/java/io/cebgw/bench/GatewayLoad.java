package io.cebgw.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.CryptoProvider;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's load driver on PostgreSQL: N signed declarations through the REST API (C client threads), each to its
 * final receipt from the in-process sandbox. Reports documents per second from the first accept to the last final
 * status, the accept latency (p50, p99), and — in the same run — the raw SM2 signing rate of the machine.
 *
 * <p>Run: {@code java -cp cebgw-bench/target/cebgw-bench.jar io.cebgw.bench.GatewayLoad [documents] [clients] [transport] [warm-up]}
 * with transport {@code folder} (default), {@code amqp} (the machine's RabbitMQ), {@code jms} (an ActiveMQ Artemis
 * broker started in this JVM, over TCP), {@code http} (the sandbox playing the regional gateway) or {@code as2} (both ends
 * with generated RSA keys)
 * (PostgreSQL at 127.0.0.1:5432, user postgres, trust; the database {@code cebgw_load} is recreated). A warm-up round of
 * {@code warm-up} documents (default: as many as measured, at least 1,000) goes through the same path first and is not
 * measured: the JIT compilers share the two cores with everything else and would otherwise be measured too.
 */
public final class GatewayLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayLoad() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String transport = args.length > 2 ? args[2] : "folder";
        System.setProperty("http.maxConnections", String.valueOf(clients)); // keep one connection per client alive
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(1000, documents);
        double rawSigning = rawSm2Rate(Duration.ofSeconds(3));
        recreateDatabase();
        Path dir = Files.createTempDirectory("cebgw-load");
        List<String> settings = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/cebgw_load", "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=" + (clients + 4),
                "--cebgw.exchange-folder=" + dir.resolve("exchange"), "--cebgw.sandbox=true", "--cebgw.sandbox-step-millis=1",
                "--cebgw.relay-interval=10ms", "--cebgw.poll-interval=10ms", "--logging.level.root=WARN"));
        AutoCloseable broker = LoadTransports.configure(transport, settings);
        ConfigurableApplicationContext context = GatewayApplication.start(settings.toArray(String[]::new));
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            GeneratedKey key = KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=load,C=CN", Duration.ofDays(30));
            Path p12 = dir.resolve("load.p12");
            Files.writeString(dir.resolve("load.pw"), "load-password\n");
            KeyPairs.writePkcs12(key, p12, "load-password".toCharArray(), "cebgw");
            EnterpriseService.Registered e = context.getBean(EnterpriseService.class).register("load", "3301964ABC", "DXPENT0000077777", "EBC",
                    "type=pkcs12\npath=" + p12 + "\npassword.file=" + dir.resolve("load.pw") + "\n");
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Round warm = round(jdbc, port, e.apiKey(), bodies("W", warmUp), clients);
            List<String> bodies = bodies("L", documents);
            Profiler profiler = Profiler.start();
            Round measured = round(jdbc, port, e.apiKey(), bodies, clients);
            profiler.stop();
            System.out.printf("GatewayLoad on PostgreSQL over %s: %d documents, %d clients (after %d warm-up documents: %.0f documents/s)%n",
                    transport, documents, clients, warm.documents(), warm.perSecond());
            measured.print();
            double rawAfter = rawSm2Rate(Duration.ofSeconds(3));
            System.out.printf("  raw SM2 signing rate %.0f signatures/s before, %.0f after (same run, one thread, 1 KB)%n", rawSigning, rawAfter);
            System.out.printf("  documents/s per 1,000 raw signatures/s: %.1f (compare runs on different machines or days by this)%n",
                    measured.perSecond() / ((rawSigning + rawAfter) / 2) * 1000);
        } finally {
            context.close();
            broker.close();
        }
        System.exit(0); // the client pools' threads would keep the JVM alive
    }

    private static List<String> bodies(String prefix, int documents) {
        return bodies(prefix, documents, "DXPENT0000077777");
    }

    /** Orders (CEB303) of the enterprise {@code dxpId}, their numbers tagged with {@code prefix}, as JSON bodies. */
    static List<String> bodies(String prefix, int documents, String dxpId) {
        List<String> bodies = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", prefix + i + "-", dxpId);
            bodies.add(JsonMessages.write(order).toString());
        }
        return bodies;
    }

    /** Posts every body from {@code clients} threads and waits until all of them are final. */
    static Round round(JdbcClient jdbc, int port, String apiKey, List<String> bodies, int clients) throws Exception {
        int documents = bodies.size();
        long[] latencies = new long[documents];
        long[] starts = new long[documents];
        String[] ids = new String[documents];
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < documents; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    ids[i] = post(port, apiKey, bodies.get(i).getBytes(StandardCharsets.UTF_8), i);
                    latencies[i] = System.nanoTime() - t0;
                    starts[i] = t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long accepted = System.nanoTime();
        Set<String> waiting = new HashSet<>(Arrays.asList(ids));
        while (!waiting.isEmpty() && System.nanoTime() - accepted < Duration.ofMinutes(5).toNanos()) {
            // by primary key, only the documents still waiting: cheap enough not to slow down what it measures
            waiting.removeAll(jdbc.sql("select id from document where final_state = true and id = any(?)")
                    .param(waiting.toArray(String[]::new)).query(String.class).list());
            Thread.sleep(20);
        }
        int finals = documents - waiting.size();
        long done = System.nanoTime();
        senders.shutdown();
        String stalls = SlowAccepts.describe(starts, latencies, start, Duration.ofMillis(200));
        Arrays.sort(latencies);
        return new Round(documents, accepted - start, done - start, finals, latencies, stalls);
    }

    record Round(int documents, long acceptNanos, long finalNanos, int finals, long[] sortedLatencies, String slowAccepts) {
        double perSecond() {
            return documents / (finalNanos / 1e9);
        }

        void print() {
            System.out.printf("  accepted in          %.2f s  (%.0f accepts/s)%n", acceptNanos / 1e9, documents / (acceptNanos / 1e9));
            System.out.printf("  all final after      %.2f s  -> %.0f documents/s from REST accept to final receipt (%d final)%n",
                    finalNanos / 1e9, perSecond(), finals);
            System.out.printf("  accept latency       p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sortedLatencies[documents / 2] / 1e6,
                    sortedLatencies[(int) (documents * 0.99)] / 1e6, sortedLatencies[documents - 1] / 1e6);
            System.out.printf("  slow accepts         %s%n", slowAccepts);
        }
    }

    /**
     * One declaration posted over a kept-alive connection ({@link HttpURLConnection}: lighter on the shared CPU than
     * {@code java.net.http.HttpClient}, whose selector thread and futures cost about a tenth of the run's CPU).
     */
    static String post(int port, String apiKey, byte[] body, int number) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/v1/documents?declare=true").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty("X-Api-Key", apiKey);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        byte[] answer;
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes(); // read to the end: the connection is kept for the next request
        }
        if (status != 201) {
            throw new IllegalStateException("HTTP " + status + " for document " + number + ": " + new String(answer, StandardCharsets.UTF_8));
        }
        return JSON.readTree(answer).path("id").asText();
    }

    static double rawSm2Rate(Duration duration) throws Exception {
        GeneratedKey key = KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=raw,C=CN", Duration.ofDays(1));
        Signature signature = Signature.getInstance("SM3withSM2", CryptoProvider.bc());
        signature.initSign(key.keyPair().getPrivate());
        byte[] data = new byte[1024];
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            signature.update(data);
            signature.sign();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void recreateDatabase() throws Exception {
        recreateDatabase("cebgw_load");
    }

    /** Drops and creates the machine's PostgreSQL database {@code name}. */
    static void recreateDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }
}

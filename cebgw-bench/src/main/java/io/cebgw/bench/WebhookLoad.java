package io.cebgw.bench;

import com.sun.net.httpserver.HttpServer;
import io.cebgw.client.CebgwClient;
import io.cebgw.client.Event;
import io.cebgw.client.Webhook;
import io.cebgw.client.WebhookVerifier;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhook throughput on PostgreSQL: N status changes recorded at once, turned into deliveries by the fan-out and posted,
 * signed, to a receiver on this machine that checks every signature with the client's {@link WebhookVerifier}. Reports
 * events delivered per second from the moment they were recorded to the last one received.
 *
 * <p>Run: {@code java -cp cebgw-bench/target/cebgw-bench.jar io.cebgw.bench.WebhookLoad [events]} (PostgreSQL at
 * 127.0.0.1:5432, user postgres, trust; the database {@code cebgw_webhook_load} is recreated). A warm-up round of a fifth
 * as many events goes first and is not measured.
 */
public final class WebhookLoad {
    private WebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists cebgw_webhook_load with (force)");
            s.execute("create database cebgw_webhook_load");
        }
        Path dir = Files.createTempDirectory("cebgw-webhook-load");
        ConfigurableApplicationContext context = GatewayApplication.start("--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/cebgw_webhook_load", "--spring.datasource.username=postgres",
                "--cebgw.exchange-folder=" + dir.resolve("exchange"), "--cebgw.webhooks.interval=20ms", "--logging.level.root=WARN");
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        WebhookVerifier[] verifier = new WebhookVerifier[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            try {
                Event e = verifier[0].verify(x.getRequestHeaders().getFirst(WebhookVerifier.HEADER), body);
                received.add(e.id());
                x.sendResponseHeaders(204, -1);
            } catch (WebhookVerifier.Rejected r) {
                refused.incrementAndGet();
                x.sendResponseHeaders(401, -1);
            }
            x.close();
        });
        receiver.start();
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            GeneratedKey key = KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=load,C=CN", Duration.ofDays(30));
            Files.writeString(dir.resolve("load.pw"), "load-password\n");
            KeyPairs.writePkcs12(key, dir.resolve("load.p12"), "load-password".toCharArray(), "cebgw");
            EnterpriseService.Registered e = context.getBean(EnterpriseService.class).register("load", "3301964ABC", "DXPENT0000077778", "EBC",
                    "type=pkcs12\npath=" + dir.resolve("load.p12") + "\npassword.file=" + dir.resolve("load.pw") + "\n");
            CebgwClient client = CebgwClient.connect(URI.create("http://127.0.0.1:" + port), e.apiKey());
            String document = client.createDocument(new com.fasterxml.jackson.databind.ObjectMapper().readTree(JsonMessages.write(
                    FlowDocuments.document(MessageType.CEB303, "9710", "WL-", e.enterprise().dxpId())).toString()), false).id();
            Webhook hook = client.createWebhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", List.of("*"), "load");
            verifier[0] = new WebhookVerifier(hook.secret());
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
            double warm = round(jdbc, document, events / 5, received);
            received.clear();
            long start = System.nanoTime();
            double perSecond = round(jdbc, document, events, received);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("WebhookLoad on PostgreSQL: %d events (after %d warm-up events: %.0f/s)%n", events, events / 5, warm);
            System.out.printf("  all delivered after  %.2f s -> %.0f events/s from recorded to received, signature checked (%d refused)%n",
                    seconds, perSecond, refused.get());
            System.out.printf("  machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        } finally {
            receiver.stop(0);
            context.close();
        }
        System.exit(0);
    }

    /** Records {@code n} status changes in one batch (already settled) and waits until the receiver has them all; events/s. */
    private static double round(JdbcTemplate jdbc, String document, int n, Set<String> received) throws InterruptedException {
        List<Object[]> rows = new ArrayList<>();
        Timestamp settled = Timestamp.from(Instant.now().minusSeconds(10));
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {document, "2", i % 2 == 0 ? "120" : "399", "2026120310" + String.format("%07d", i), settled});
        }
        long start = System.nanoTime();
        jdbc.batchUpdate("insert into status_transition (document_id, from_status, to_status, return_time, happened_at) values (?, ?, ?, ?, ?)", rows);
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (received.size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        if (received.size() < n) {
            throw new IllegalStateException("only " + received.size() + " of " + n + " events arrived in 10 minutes");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}

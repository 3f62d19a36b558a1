package io.cebgw.server.crash;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.End;
import io.cebgw.core.transport.LocalPorts;
import io.cebgw.core.transport.TransportSpec;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.Arrival;
import io.cebgw.sandbox.Enterprise;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.sandbox.Registry;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.sandbox.SandboxConfig;
import io.cebgw.server.api.RabbitMq;
import io.cebgw.server.document.JsonMessages;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.ArchiveStore;
import io.cebgw.server.store.Databases;
import io.cebgw.transports.TransportCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway processes on one PostgreSQL and one RabbitMQ, as behind a load balancer: documents go in through both,
 * node A is killed with -9 in the middle of the burst and its clients retry on node B with the same Idempotency-Key.
 * B takes over A's claimed outbox rows once their lease runs out, and RabbitMQ gives B the receipts A had not
 * acknowledged. At the end every document is final, the sandbox (customs, in this JVM) processed each exactly once,
 * each receipt was applied once, every message was archived once, and the archive's hash chain is intact.
 */
@Tag("slow")
class TwoNodeCrashIT {
    private static final int DOCUMENTS = Integer.getInteger("nodes.documents", 600);
    /** The burst and the one declaration sent to both nodes at once. */
    private static final int TOTAL = DOCUMENTS + 1;
    private static final String DXP_ID = "DXPENT0000066673";

    @TempDir
    Path dir;

    @Test
    void oneOfTwoNodesKilledDuringABurstLosesAndDuplicatesNothing() throws Exception {
        RabbitMq.require();
        String url = Databases.freshPostgres("cebgw_nodes");
        String queues = "cebgw.nodes." + UUID.randomUUID();
        Path password = dir.resolve("amqp.pw");
        Files.writeString(password, "guest\n");
        Registry registry = new Registry();
        registry.register(new Enterprise("两个节点", "3301964ABC", DXP_ID, List.of(TestKeys.key(SignatureSuite.SM2_SM3).certificate())));
        TransportSpec customsEnd = TransportSpec.of("amqp", Map.of("uri", RabbitMq.URI, "user", "guest", "password.file", password.toString(),
                "queues", queues));
        List<String> settings = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--cebgw.exchange-folder=" + dir.resolve("unused"), "--cebgw.transport.type=amqp", "--cebgw.transport.uri=" + RabbitMq.URI,
                "--cebgw.transport.user=guest", "--cebgw.transport.password.file=" + password, "--cebgw.transport.queues=" + queues,
                "--cebgw.outbox.claim-lease=10s");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "N" + i + "-", DXP_ID);
            bodies.add(JsonMessages.write(order).toString());
        }
        try (Sandbox customs = new Sandbox(new SandboxConfig(null, null, -1, 2, null, List.of(), null), registry,
                TransportCatalog.open(customsEnd, End.EXCHANGE), Clock.systemUTC())) {
            customs.start();
            // B starts while A migrates the database: Flyway's lock makes B wait for it, as a second node does
            CompletableFuture<GatewayProcess> starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return GatewayProcess.start(LocalPorts.free(), "node-b", settings);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            GatewayProcess a = GatewayProcess.start(LocalPorts.free(), "node-a", settings);
            try (GatewayProcess b = starting.get(120, TimeUnit.SECONDS)) {
                String apiKey = a.register(dir, "nodes", DXP_ID);
                // one new declaration sent to both nodes at the same moment (two clients, two Idempotency-Keys): the
                // database keeps one live business key, whichever node a request reaches — one 201, one 409
                String twin = JsonMessages.write(FlowDocuments.document(MessageType.CEB303, "9710", "TWIN-", DXP_ID)).toString();
                CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> a.post(apiKey, "twin-a", twin));
                int onB = b.post(apiKey, "twin-b", twin);
                assertThat(List.of(onA.get(30, TimeUnit.SECONDS), onB)).as("the same new business key on two nodes at once").containsExactlyInAnyOrder(201, 409);
                Set<Integer> accepted = ConcurrentHashMap.newKeySet();
                AtomicInteger throughA = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(8);
                for (int i = 0; i < DOCUMENTS; i++) {
                    int n = i;
                    pool.submit(() -> {
                        String key = "nodes-" + n;
                        // the load balancer: even documents to A, odd to B; what A does not answer is retried on B
                        if (n % 2 == 0 && a.submit(apiKey, key, bodies.get(n))) {
                            throughA.incrementAndGet();
                            accepted.add(n);
                        } else if (b.submit(apiKey, key, bodies.get(n))) {
                            accepted.add(n);
                        }
                        return null;
                    });
                }
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (accepted.size() < DOCUMENTS / 4 && System.nanoTime() < end) {
                    Thread.sleep(5);
                }
                a.kill();
                int atTheKill = accepted.size();
                pool.shutdown();
                assertThat(pool.awaitTermination(180, TimeUnit.SECONDS)).isTrue();
                assertThat(atTheKill).as("the kill came in the middle of the burst").isBetween(DOCUMENTS / 4, DOCUMENTS - 1);
                assertThat(throughA.get()).as("node A took documents before it died").isPositive();
                assertThat(accepted).as("every document was taken by one node or the other").hasSize(DOCUMENTS);

                Map<String, Long> statuses = b.awaitStatus(apiKey, "120", TOTAL, Duration.ofSeconds(180));
                assertThat(statuses).as("every document reached its final status").containsEntry("120", (long) TOTAL);
                // what A had sent but not yet recorded when it died: customs may have answered it already; B sends it
                // again once A's claims expire (customs drops the repeat) and records it then
                awaitOutboxSent(url);
                System.out.println("two nodes: " + throughA.get() + " documents through node A, " + atTheKill + " accepted at the kill; node B: "
                        + b.logLines("claimed by a relay that stopped"));
            } finally {
                a.kill();
            }
            List<Arrival> processed = customs.ledger().arrivals().stream().filter(Arrival::accepted).toList();
            assertThat(processed).hasSize(TOTAL);
            assertThat(processed.stream().map(Arrival::copMsgId).distinct().count()).isEqualTo(TOTAL);
            assertThat(customs.ledger().duplicateDeliveries()).as("no envelope was delivered twice").isZero();
        }
        assertTheDatabaseRecordsEverythingOnce(url);
    }

    private static void awaitOutboxSent(String url) throws InterruptedException {
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.sql("select count(*) from outbox where state <> 'SENT'").query(Long.class).single() > 0 && System.nanoTime() < end) {
            Thread.sleep(250);
        }
        assertThat(jdbc.sql("select count(*) from outbox where state <> 'SENT'").query(Long.class).single()).as("messages not recorded as sent").isZero();
    }

    /** Each receipt applied once, each status reached once, each document archived once, the chain intact. */
    private void assertTheDatabaseRecordsEverythingOnce(String url) {
        DriverManagerDataSource db = new DriverManagerDataSource(url, "postgres", "");
        JdbcClient jdbc = JdbcClient.create(db);
        assertThat(jdbc.sql("select count(*) from (select document_id, return_status, return_time from receipt where outcome = 'APPLIED'"
                + " group by document_id, return_status, return_time having count(*) > 1) twice").query(Long.class).single())
                .as("receipts applied twice").isZero();
        assertThat(jdbc.sql("select count(*) from (select document_id, to_status from status_transition group by document_id, to_status"
                + " having count(*) > 1) twice").query(Long.class).single()).as("statuses reached twice").isZero();
        assertThat(jdbc.sql("select count(*) from status_transition where to_status = '120'").query(Long.class).single()).isEqualTo(TOTAL);
        assertThat(jdbc.sql("select count(*) from archive_entry where direction = 'OUT'").query(Long.class).single())
                .as("each document's message archived once").isEqualTo(TOTAL);
        assertThat(jdbc.sql("select count(distinct document_id) from archive_entry where direction = 'OUT'").query(Long.class).single())
                .isEqualTo(TOTAL);
        Archive.Verification chain = new Archive(new ArchiveStore(db), new TransactionTemplate(new DataSourceTransactionManager(db)),
                dir.resolve("exports")).verify();
        assertThat(chain.intact()).as(chain.reason()).isTrue();
        assertThat(chain.entries()).isGreaterThanOrEqualTo(DOCUMENTS * 2L);
    }
}

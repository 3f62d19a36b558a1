package io.cebgw.server.crash;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.LocalPorts;
import io.cebgw.crypto.SignatureSuite;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the gateway process during a burst of 1,200 documents, then a restart on the same database and
 * exchange folder: the sandbox (in this JVM) processes every document exactly once, counts no duplicate delivery,
 * and every document reaches its final status. Clients resubmit what they got no answer for with the same
 * Idempotency-Key.
 */
@Tag("slow")
class CrashIT {
    private static final int DOCUMENTS = Integer.getInteger("crash.documents", 1200);
    private static final String DXP_ID = "DXPENT0000066666";

    @TempDir
    Path dir;

    @Test
    void killDashNineDuringABurstLosesAndDuplicatesNothing() throws Exception {
        Path exchange = dir.resolve("exchange");
        Registry registry = new Registry();
        registry.register(new Enterprise("crash", "3301964ABC", DXP_ID, List.of(TestKeys.key(SignatureSuite.SM2_SM3).certificate())));
        try (Sandbox sandbox = new Sandbox(new SandboxConfig(null, exchange, -1, 2, null, List.of(), null), registry,
                new FolderTransport(exchange, FolderTransport.Side.EXCHANGE, Duration.ofMillis(10), 64L << 20), Clock.systemUTC())) {
            sandbox.start();
            int port = LocalPorts.free();
            GatewayProcess gateway = GatewayProcess.start(port, "crash", settings(exchange));
            String apiKey;
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "K" + i + "-", DXP_ID);
                bodies.add(JsonMessages.write(order).toString());
            }
            Set<Integer> accepted = ConcurrentHashMap.newKeySet();
            try {
                apiKey = gateway.register(dir, "crash", DXP_ID);
                GatewayProcess first = gateway;
                ExecutorService pool = Executors.newFixedThreadPool(8);
                for (int i = 0; i < DOCUMENTS; i++) {
                    int n = i;
                    pool.submit(() -> {
                        if (first.submit(apiKey, "crash-" + n, bodies.get(n))) {
                            accepted.add(n);
                        }
                        return null;
                    });
                }
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (accepted.size() < DOCUMENTS / 5 && System.nanoTime() < end) {
                    Thread.sleep(5);
                }
                gateway.kill();
                pool.shutdown();
                assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            } finally {
                gateway.kill();
            }
            assertThat(accepted.size()).as("the kill came in the middle of the burst").isBetween(DOCUMENTS / 5, DOCUMENTS - 1);

            try (GatewayProcess again = GatewayProcess.start(port, "crash", settings(exchange))) {
                for (int i = 0; i < DOCUMENTS; i++) {
                    assertThat(again.submit(apiKey, "crash-" + i, bodies.get(i))).as("resubmission " + i).isTrue();
                }
                Map<String, Long> statuses = again.awaitStatus(apiKey, "120", DOCUMENTS, Duration.ofSeconds(180));
                assertThat(statuses).as("every document reached its final status").containsEntry("120", (long) DOCUMENTS);
                List<Arrival> processed = sandbox.ledger().arrivals().stream().filter(Arrival::accepted).toList();
                assertThat(processed).hasSize(DOCUMENTS);
                assertThat(processed.stream().map(Arrival::copMsgId).distinct().count()).isEqualTo(DOCUMENTS);
                assertThat(sandbox.ledger().duplicateDeliveries()).as("no envelope was delivered twice").isZero();
            }
        }
    }

    private List<String> settings(Path exchange) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "--cebgw.exchange-folder=" + exchange);
    }
}

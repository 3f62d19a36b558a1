package io.cebgw.server.store;

import io.cebgw.core.lifecycle.OutboxState;
import io.cebgw.core.lifecycle.ReturnStatus;
import io.cebgw.server.ops.RetentionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One repository test suite, run on H2, PostgreSQL and MariaDB by its subclasses. */
abstract class StoreContract {
    DataSource dataSource;
    JdbcClient jdbc;
    EnterpriseStore enterprises;
    DocumentStore documents;
    OutboxStore outbox;
    ReceiptStore receipts;
    Archive archive;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    abstract DataSource dataSource();

    TransactionTemplate tx;
    @TempDir
    Path exports;

    @BeforeEach
    void setUp() {
        dataSource = dataSource();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        enterprises = new EnterpriseStore(jdbc);
        documents = new DocumentStore(jdbc);
        outbox = new OutboxStore(jdbc, tx, Dialect.of(dataSource));
        receipts = new ReceiptStore(dataSource);
        archive = new Archive(new ArchiveStore(dataSource), tx, exports);
    }

    String enterprise(String dxpId) {
        String id = UUID.randomUUID().toString();
        enterprises.insert(new EnterpriseRow(id, "企业 " + dxpId, "3301964ABC", null, dxpId, "EBC,AGENT", "type=pkcs12", null, now));
        return id;
    }

    DocumentRow document(String enterpriseId, String key, String idempotencyKey) {
        DocumentRow d = new DocumentRow(UUID.randomUUID().toString(), enterpriseId, "CEB603Message", key, UUID.randomUUID().toString().toUpperCase(),
                "1", "2", null, null, false, null, idempotencyKey, "[]", "<x>中文</x>".getBytes(StandardCharsets.UTF_8), null, null, now, now);
        documents.insert(d);
        return d;
    }

    /**
     * The database keeps one live business key per enterprise and type: of 50 parallel inserts of the same new
     * declaration exactly one commits; modifications hold no key; once the holder is refused the key is free again.
     */
    @Test
    void fiftyParallelCreatesOfOneKeyCommitExactlyOnce() throws Exception {
        String a = enterprise("DXPENT0000000050");
        String key = "AGENT|RACE-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        document(a, key, null);
                        return true;
                    } catch (DuplicateKeyException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int committed = 0;
            for (Future<Boolean> r : results) {
                committed += r.get() ? 1 : 0;
            }
            assertThat(committed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        List<DocumentRow> holders = documents.statesByKey(a, "CEB603Message", key);
        assertThat(holders).hasSize(1);
        assertThat(enterprise("DXPENT0000000051")).isNotNull();

        DocumentRow change = new DocumentRow(UUID.randomUUID().toString(), a, "CEB603Message", key, UUID.randomUUID().toString().toUpperCase(),
                "2", "2", null, null, false, null, null, "[]", "<x/>".getBytes(StandardCharsets.UTF_8), null, null, now, now);
        documents.insert(change); // a modification holds no key of its own
        assertThatThrownBy(() -> document(a, key, null)).isInstanceOf(DuplicateKeyException.class);
        assertThat(documents.status(holders.get(0).id(), null, ReturnStatus.REJECTED.code(), "20261202120000000", true,
                now)).isTrue();
        DocumentRow again = document(a, key, null);
        assertThat(documents.statesByKey(a, "CEB603Message", key)).extracting(DocumentRow::id).contains(again.id()).hasSize(3);
    }

    @Test
    void enterprisesAndApiKeys() {
        String a = enterprise("DXPENT0000000001");
        enterprises.addApiKey(a, "key-a", "test");
        assertThat(enterprises.byDxpId("DXPENT0000000001")).get().extracting(EnterpriseRow::name).isEqualTo("企业 DXPENT0000000001");
        assertThat(enterprises.enterpriseOfKey("key-a")).contains(a);
        assertThat(enterprises.enterpriseOfKey("key-b")).isEmpty();
        enterprises.addApiKey(a, "key-b", "added after it was asked for");
        assertThat(enterprises.enterpriseOfKey("key-b")).as("an unknown key is not remembered as unknown").contains(a);
        assertThat(jdbc.sql("select key_hash from api_key order by label desc").query(String.class).list().get(0)).doesNotContain("key-a").hasSize(64);
        assertThatThrownBy(() -> enterprise("DXPENT0000000001")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void documentsAreScopedToTheirEnterprise() {
        String a = enterprise("DXPENT0000000001");
        String b = enterprise("DXPENT0000000002");
        DocumentRow d = document(a, "AGENT|COP1", "idem-1");
        assertThat(documents.byId(a, d.id())).get().satisfies(r -> {
            assertThat(new String(r.unsignedXml(), StandardCharsets.UTF_8)).isEqualTo("<x>中文</x>");
            assertThat(r.createdAt()).isEqualTo(now);
        });
        assertThat(documents.byId(b, d.id())).as("another enterprise never sees it").isEmpty();
        assertThat(documents.byIdempotencyKey(a, "idem-1")).isPresent();
        assertThat(documents.byIdempotencyKey(b, "idem-1")).isEmpty();
        assertThatThrownBy(() -> document(a, "AGENT|COP2", "idem-1")).isInstanceOf(DuplicateKeyException.class);
        document(b, "AGENT|COP2", "idem-1"); // the same idempotency key is fine for another enterprise
        assertThat(documents.list(a, "CEB603Message", null, 10, 0)).hasSize(1);
        assertThat(documents.list(b, null, null, 10, 0)).hasSize(1);
        assertThat(documents.byKey(a, "CEB603Message", "AGENT|COP1")).hasSize(1);
    }

    @Test
    void statusChangesAreOptimistic() {
        String a = enterprise("DXPENT0000000001");
        DocumentRow d = document(a, "K", null);
        assertThat(documents.status(d.id(), null, "2", "20261127100000001", false, now)).isTrue();
        assertThat(documents.status(d.id(), null, "120", "20261127100000002", false, now)).as("a stale expectation loses").isFalse();
        assertThat(documents.status(d.id(), "2", "120", "20261127100000002", false, now)).isTrue();
        assertThat(documents.byId(a, d.id()).orElseThrow().status()).isEqualTo("120");
        documents.signed(d.id(), new byte[] {1}, new byte[] {2}, "COPMSG-1", now);
        assertThat(documents.lockByCopMsgId("COPMSG-1")).get().extracting(DocumentRow::id).isEqualTo(d.id());
    }

    @Test
    void receiptsMatchTheNewestDocumentOfTheirEnterpriseOnly() {
        String a = enterprise("DXPENT0000000001");
        String b = enterprise("DXPENT0000000002");
        document(a, "AGENT|COP9", null);
        DocumentRow newer = new DocumentRow(UUID.randomUUID().toString(), a, "CEB603Message", "AGENT|COP9", UUID.randomUUID().toString().toUpperCase(),
                "2", "2", null, null, false, null, null, "[]", new byte[] {1}, null, null, now.plusSeconds(1), now.plusSeconds(1));
        documents.insert(newer);
        tx.executeWithoutResult(s -> {
            assertThat(documents.lockNewestByKey(a, "CEB603Message", "AGENT|COP9")).get().extracting(DocumentRow::id).isEqualTo(newer.id());
            assertThat(documents.lockNewestByKey(b, "CEB603Message", "AGENT|COP9")).isEmpty();
            assertThat(documents.lockNewestByKey(a, "CEB303Message", "AGENT|COP9")).isEmpty();
        });
    }

    @Test
    void aDocumentsOutboxRowSendsTheDocumentsOwnEnvelope() {
        String a = enterprise("DXPENT0000000001");
        DocumentRow d = document(a, "AGENT|COP7", null);
        byte[] envelope = "<DxpMsg>信封</DxpMsg>".getBytes(StandardCharsets.UTF_8);
        tx.executeWithoutResult(s -> {
            documents.signed(d.id(), new byte[] {7}, envelope, "COPMSG-7", now);
            outbox.insert(a, d.id(), "COPMSG-7", null, now.minusSeconds(1));
        });
        outbox.insert(a, "not-a-document", "COPMSG-8", new byte[] {8}, now.minusSeconds(1));
        List<OutboxRow> claimed = outbox.claim("relay", now, 10);
        assertThat(claimed).extracting(OutboxRow::copMsgId).containsExactly("COPMSG-7", "COPMSG-8");
        assertThat(claimed.get(0).payload()).isEqualTo(envelope);
        assertThat(claimed.get(1).payload()).containsExactly(8);
        assertThat(jdbc.sql("select count(*) from outbox where payload is null").query(Integer.class).single()).as("stored once").isEqualTo(1);
    }

    @Test
    void outboxClaimsEachRowOnceAcrossRelays() throws Exception {
        String a = enterprise("DXPENT0000000001");
        for (int i = 0; i < 40; i++) {
            outbox.insert(a, "doc-" + i, "COP-" + i, new byte[] {(byte) i}, now.minusSeconds(1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<OutboxRow>>> futures = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            String relay = "relay-" + r;
            futures.add(pool.submit(() -> {
                start.await();
                List<OutboxRow> mine = new ArrayList<>();
                for (List<OutboxRow> batch = outbox.claim(relay, now, 7); !batch.isEmpty(); batch = outbox.claim(relay, now, 7)) {
                    mine.addAll(batch);
                }
                return mine;
            }));
        }
        start.countDown();
        Set<String> claimed = Collections.synchronizedSet(new HashSet<>());
        int total = 0;
        for (Future<List<OutboxRow>> f : futures) {
            for (OutboxRow row : f.get()) {
                assertThat(claimed.add(row.copMsgId())).as("claimed twice: " + row.copMsgId()).isTrue();
                total++;
            }
        }
        pool.shutdown();
        assertThat(total).isEqualTo(40);
        assertThat(outbox.claim("late", now, 10)).as("everything is held").isEmpty();
        assertThat(outbox.releaseStale(now.plusSeconds(600), Duration.ofMinutes(5))).isEqualTo(40);
        assertThat(outbox.claim("again", now, 100)).hasSize(40);
    }

    @Test
    void renewedClaimsStayWhileThoseOfADeadRelayAreFreed() {
        String a = enterprise("DXPENT0000000001");
        for (int i = 0; i < 4; i++) {
            outbox.insert(a, "doc-" + i, "COP-" + i, new byte[] {(byte) i}, now);
        }
        List<OutboxRow> alive = outbox.claim("alive", now, 2);
        assertThat(alive).hasSize(2);
        assertThat(outbox.claim("dead", now, 2)).hasSize(2);
        Instant later = now.plusSeconds(25);
        assertThat(outbox.renewClaims("alive", later)).isEqualTo(2);
        assertThat(outbox.releaseStale(now.plusSeconds(40), Duration.ofSeconds(30))).as("only the dead relay's claims").isEqualTo(2);
        assertThat(outbox.claim("next", now.plusSeconds(40), 10)).extracting(OutboxRow::copMsgId).containsExactlyInAnyOrder("COP-2", "COP-3");
        outbox.sentAll(alive.stream().map(OutboxRow::id).toList());
        assertThat(outbox.renewClaims("alive", now.plusSeconds(41))).as("rows that were sent are no longer claimed").isZero();
    }

    @Test
    void outboxRetriesDeadLettersAndResends() {
        String a = enterprise("DXPENT0000000001");
        outbox.insert(a, "doc-1", "COP-1", new byte[] {1}, now);
        OutboxRow row = outbox.claim("r", now, 1).get(0);
        outbox.failed(row.id(), "peer down", now.plusSeconds(30), false);
        assertThat(outbox.claim("r", now, 1)).as("not due before its next attempt").isEmpty();
        OutboxRow again = outbox.claim("r", now.plusSeconds(31), 1).get(0);
        assertThat(again.copMsgId()).as("the CopMsgId stays the same across retries").isEqualTo("COP-1");
        assertThat(again.attempts()).isEqualTo(1);
        outbox.failed(again.id(), "still down", now.plusSeconds(60), true);
        assertThat(outbox.countsByState()).containsEntry("DEAD", 1);
        assertThat(outbox.resend(a, "doc-1", now)).isEqualTo(1);
        OutboxRow resent = outbox.claim("r", now, 1).get(0);
        outbox.sentAll(List.of(resent.id()));
        assertThat(outbox.forDocument(a, "doc-1")).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(OutboxState.SENT);
            assertThat(r.copMsgId()).isEqualTo("COP-1");
        });
    }

    @Test
    void receiptsAndTransitions() {
        String a = enterprise("DXPENT0000000001");
        receipts.insert(new ReceiptStore.ReceiptRow(a, "doc-1", "CEB604Message", "120", "20261127100000001", "入库", "C1", "APPLIED", now));
        assertThat(receipts.seen("doc-1", "120", "20261127100000001")).isTrue();
        assertThat(receipts.seen("doc-1", "399", "20261127100000001")).isFalse();
        receipts.transition(new ReceiptStore.Transition("doc-1", "2", "120", "20261127100000001", now));
        assertThat(receipts.transitions("doc-1")).singleElement().extracting(ReceiptStore.Transition::toStatus).isEqualTo("120");
        assertThat(receipts.forDocument(a, "doc-1")).hasSize(1);
    }

    /**
     * Webhooks on every database: the status-change events carry the receipt's returnInfo and the document's shipment,
     * deliveries are claimed once across workers, an attempt is logged, a dead delivery is replayed, the fan-out cursor
     * moves, and a shipment's final event is marked once.
     */
    @Test
    void webhookQueueOnEveryDatabase() throws Exception {
        String a = enterprise("DXPENT0000000061");
        String b = enterprise("DXPENT0000000062");
        ShipmentStore shipments = new ShipmentStore(jdbc);
        shipments.insert(new ShipmentStore.ShipmentRow("ship-1", a, "9710", "货物", null, now, false));
        DocumentRow d = new DocumentRow(UUID.randomUUID().toString(), a, "CEB603Message", "K-WH", UUID.randomUUID().toString().toUpperCase(),
                "1", "2", null, null, false, null, null, "[]", "<x/>".getBytes(StandardCharsets.UTF_8), null, null, now, now);
        documents.insert(d, "ship-1");
        receipts.insert(new ReceiptStore.ReceiptRow(a, d.id(), "CEB604Message", "100", "20261203100000001", "商品编码有误", "C1", "APPLIED", now));
        receipts.transition(new ReceiptStore.Transition(d.id(), "2", "100", "20261203100000001", now));
        WebhookStore webhooks = new WebhookStore(dataSource, tx);
        long start = tx.execute(s -> webhooks.lockCursor("webhooks"));

        List<ReceiptStore.Event> events = receipts.eventsAfter(start, now.plusSeconds(1), 10);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.returnInfo()).isEqualTo("商品编码有误");
            assertThat(e.shipmentId()).isEqualTo("ship-1");
            assertThat(e.enterpriseId()).isEqualTo(a);
        });
        assertThat(receipts.eventsAfter(b, start, now.plusSeconds(1), 10)).as("another enterprise's feed").isEmpty();
        assertThat(receipts.lastEventBefore(now.plusSeconds(1))).isEqualTo(events.get(0).cursor());
        assertThat(receipts.lastEventBefore(now.minusSeconds(1))).as("not settled yet").isLessThan(events.get(0).cursor());
        tx.executeWithoutResult(s -> webhooks.moveCursor("webhooks", events.get(0).cursor()));
        long moved = tx.execute(s -> webhooks.lockCursor("webhooks"));
        assertThat(moved).isEqualTo(events.get(0).cursor());

        assertThat(shipments.markFinalEvent("ship-1", now)).as("a document is not final yet").isFalse();
        documents.status(d.id(), null, "100", "20261203100000001", true, now);
        assertThat(shipments.markFinalEvent("ship-1", now)).isTrue();
        assertThat(shipments.markFinalEvent("ship-1", now)).as("once").isFalse();

        webhooks.insert(new WebhookStore.WebhookRow("wh-1", a, "http://127.0.0.1:9/hook", List.of("document.rejected"), "s".repeat(20), "测试", true, now));
        assertThat(webhooks.active()).singleElement().satisfies(w -> assertThat(w.wants("document.rejected")).isTrue());
        assertThat(webhooks.byId(b, "wh-1")).as("another enterprise's subscription").isEmpty();
        List<WebhookStore.NewDelivery> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(new WebhookStore.NewDelivery("wh-1", a, "st-" + i, "document.rejected", "{\"n\":" + i + "}"));
        }
        webhooks.enqueue(queued, now);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<WebhookStore.Claimed>>> claims = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                claims.add(pool.submit(() -> webhooks.claim(worker, now, 20)));
            }
            Set<Long> ids = new HashSet<>();
            int total = 0;
            for (Future<List<WebhookStore.Claimed>> c : claims) {
                for (WebhookStore.Claimed claimed : c.get()) {
                    ids.add(claimed.delivery().id());
                    total++;
                    assertThat(claimed.url()).isEqualTo("http://127.0.0.1:9/hook");
                }
            }
            assertThat(total).as("each delivery claimed once").isEqualTo(ids.size()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        long first = webhooks.deliveries(a, "wh-1", null, 100).stream().mapToLong(WebhookStore.DeliveryRow::id).min().orElseThrow();
        webhooks.attempted(first, new WebhookStore.AttemptRow(first, now, 500, "HTTP 500", 12), WebhookStore.DEAD, now);
        assertThat(webhooks.attempts(first)).singleElement().extracting(WebhookStore.AttemptRow::httpStatus).isEqualTo(500);
        assertThat(webhooks.deliveries(a, "wh-1", WebhookStore.DEAD, 10)).singleElement().extracting(WebhookStore.DeliveryRow::attempts).isEqualTo(1);
        assertThat(webhooks.replay(b, "wh-1", first, now)).as("not another enterprise's").isZero();
        assertThat(webhooks.replay(a, "wh-1", null, now)).isEqualTo(1);
        assertThat(webhooks.delivery(a, first)).get().satisfies(r -> {
            assertThat(r.state()).isEqualTo(WebhookStore.PENDING);
            assertThat(r.attempts()).isZero();
        });
        assertThat(webhooks.sweep(now.plusSeconds(1))).as("the stale claims freed").isEqualTo(19);
        assertThat(webhooks.counts(a, "wh-1")).containsEntry(WebhookStore.PENDING, 20);
        assertThat(webhooks.delete(a, "wh-1")).isTrue();
        assertThat(webhooks.deliveries(a, "wh-1", null, 100)).as("what was still to send goes with it").isEmpty();
    }

    @Test
    void archiveChainDetectsTampering() {
        for (int i = 0; i < 7; i++) {
            archive.append(i % 2 == 0 ? Archive.OUT : Archive.IN, "e", "d" + i, "C" + i, ("message " + i).getBytes(StandardCharsets.UTF_8), now);
        }
        assertThat(archive.verify().intact()).isTrue();
        assertThat(archive.verify().entries()).isEqualTo(7);
        jdbc.sql("update archive_entry set content = ? where seq = 4").param("forged".getBytes(StandardCharsets.UTF_8)).update();
        Archive.Verification broken = archive.verify();
        assertThat(broken.firstBrokenSeq()).contains(4L);
        assertThat(broken.chainBreak()).contains(ChainBreak.CONTENT_CHANGED);
    }

    @Test
    void archiveAppendsCommitOrRollBackWithTheirTransaction() throws Exception {
        archive.append(Archive.OUT, "e", "d0", "C0", "first".getBytes(StandardCharsets.UTF_8), now);
        tx.executeWithoutResult(s -> archive.appendAll(List.of(new Archive.Item(Archive.OUT, "e", "d1", "C1", "batch 1".getBytes(StandardCharsets.UTF_8)),
                new Archive.Item(Archive.OUT, "e", "d2", "C2", "batch 2".getBytes(StandardCharsets.UTF_8))), now));
        try {
            tx.executeWithoutResult(s -> {
                archive.appendAll(List.of(new Archive.Item(Archive.IN, "e", "d3", "C3", "rolled back".getBytes(StandardCharsets.UTF_8))), now);
                throw new IllegalStateException("the transaction fails after the append");
            });
        } catch (IllegalStateException expected) {
            // the entry must be gone, and the next one must chain to the committed head
        }
        // another thread appends meanwhile; it waits for the open transaction and chains after it
        Thread other = new Thread(() -> archive.append(Archive.IN, "e", "d4", "C4", "from another thread".getBytes(StandardCharsets.UTF_8), now));
        tx.executeWithoutResult(s -> {
            archive.append(Archive.OUT, "e", "d5", "C5", "in a transaction".getBytes(StandardCharsets.UTF_8), now);
            other.start();
        });
        other.join(10_000);
        Archive.Verification v = archive.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
    }

    @Test
    void severalAppendsInOneTransactionChainToEachOther() {
        archive.append(Archive.OUT, "e", "d0", "C0", "first".getBytes(StandardCharsets.UTF_8), now);
        tx.executeWithoutResult(s -> {
            archive.append(Archive.IN, "e", "d1", "C1", "receipt 2".getBytes(StandardCharsets.UTF_8), now);
            archive.append(Archive.IN, "e", "d1", "C2", "receipt 120".getBytes(StandardCharsets.UTF_8), now);
        });
        try {
            tx.executeWithoutResult(s -> {
                archive.append(Archive.IN, "e", "d2", "C3", "rolled back 1".getBytes(StandardCharsets.UTF_8), now);
                archive.append(Archive.IN, "e", "d2", "C4", "rolled back 2".getBytes(StandardCharsets.UTF_8), now);
                throw new IllegalStateException("the batch fails after two appends");
            });
        } catch (IllegalStateException expected) {
            // both entries must be gone
        }
        archive.append(Archive.OUT, "e", "d3", "C5", "after the rollback".getBytes(StandardCharsets.UTF_8), now);
        Archive.Verification v = archive.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.entries()).isEqualTo(4);
    }

    /**
     * Two gateway nodes on one database, each with its own {@link Archive}: 4 threads on each append at once, and the
     * entries form one unbroken chain (the head is a database row each append locks).
     */
    @Test
    void twoNodesAppendToOneChain() throws Exception {
        Archive other = new Archive(new ArchiveStore(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)), exports);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Archive node = t % 2 == 0 ? archive : other;
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    node.appendAll(List.of(new Archive.Item(Archive.OUT, "e", "d" + thread, "C" + thread + "-" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)),
                            new Archive.Item(Archive.IN, "e", null, "R" + thread + "-" + i, ("r" + i).getBytes(StandardCharsets.UTF_8))), now);
                }
            }));
        }
        for (var w : work) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Archive.Verification v = other.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.entries()).isEqualTo(8 * 25 * 2);
    }

    /**
     * Retention: entries before the cutoff and the receipts of final documents go to a file and leave the database;
     * the chain verifies across the file and what remains; an exported document is found again in the file; a
     * second export continues the chain; a changed or missing file is named by verify.
     */
    @Test
    void retentionExportsPurgesAndTheChainStillVerifies() throws Exception {
        String e = enterprise("DXPENT0000000077");
        DocumentRow done = document(e, "OLD-1", null);
        documents.status(done.id(), null, "120", "20240101120000000", true, now);
        DocumentRow open = document(e, "OLD-2", null);
        Instant old = now.minus(Duration.ofDays(400));
        Instant cutoff = now.minus(Duration.ofDays(365));
        archive.append(Archive.OUT, e, done.id(), "COP-DONE", "<signed>已申报</signed>".getBytes(StandardCharsets.UTF_8), old);
        archive.append(Archive.IN, null, null, "RCPT-120", "<receipt>120</receipt>".getBytes(StandardCharsets.UTF_8), old);
        archive.append(Archive.OUT, e, open.id(), "COP-OPEN", "<signed>open</signed>".getBytes(StandardCharsets.UTF_8), old.plusSeconds(1));
        archive.append(Archive.OUT, e, "recent", "COP-NEW", "<signed>recent</signed>".getBytes(StandardCharsets.UTF_8), now);
        receipts.insertAll(List.of(new ReceiptStore.ReceiptRow(e, done.id(), "CEB604Message", "120", "20240101120000000", "放行", "RCPT-120", "APPLIED", old),
                new ReceiptStore.ReceiptRow(e, open.id(), "CEB604Message", "2", "20240101120000000", "已申报", "RCPT-2", "APPLIED", old)));

        ArchiveRetention retention = new ArchiveRetention(new ArchiveStore(dataSource), receipts, tx, exports, Clock.systemUTC());
        ArchiveRetention.Result first = retention.exportBefore(cutoff);
        assertThat(first.export()).get().satisfies(x -> {
            assertThat(x.firstSeq()).isEqualTo(1);
            assertThat(x.lastSeq()).isEqualTo(3);
            assertThat(x.receipts()).as("only the final document's receipt").isEqualTo(1);
        });
        assertThat(first.entriesRemoved()).isEqualTo(3);
        assertThat(first.receiptsRemoved()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from archive_entry").query(Long.class).single()).isEqualTo(1);
        assertThat(receipts.forDocument(e, done.id())).isEmpty();
        assertThat(receipts.forDocument(e, open.id())).as("a document not yet final keeps its receipts").hasSize(1);

        Archive.Verification v = archive.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.entries()).isEqualTo(4);
        assertThat(v.exported()).isEqualTo(3);

        Path file = exports.resolve(first.export().orElseThrow().fileName());
        assertThat(archive.find(done.id())).singleElement().satisfies(f -> {
            assertThat(f.place()).isEqualTo(file.getFileName().toString());
            assertThat(new String(f.entry().content(), StandardCharsets.UTF_8)).isEqualTo("<signed>已申报</signed>");
            assertThat(f.entry().copMsgId()).isEqualTo("COP-DONE");
        });
        assertThat(ArchiveExportFile.receiptsOf(file, done.id())).singleElement()
                .satisfies(r -> assertThat(r.path("return_info").asText()).isEqualTo("放行"));
        assertThat(archive.find("COP-NEW")).singleElement().extracting(Archive.Found::place).isEqualTo("database");
        assertThat(retention.exportBefore(cutoff).export()).as("nothing more is old enough").isEmpty();

        archive.append(Archive.IN, null, null, "RCPT-LATER", "<receipt>later</receipt>".getBytes(StandardCharsets.UTF_8), now);
        ArchiveRetention.Result second = retention.exportBefore(now.plusSeconds(1));
        assertThat(second.export()).get().satisfies(x -> {
            assertThat(x.firstSeq()).isEqualTo(4);
            assertThat(x.previousHash()).isEqualTo(first.export().orElseThrow().lastChainHash());
        });
        assertThat(archive.verify()).satisfies(all -> {
            assertThat(all.intact()).as(all.reason()).isTrue();
            assertThat(all.exported()).isEqualTo(5);
        });
        archive.append(Archive.OUT, e, "after", "COP-AFTER", "<signed>after</signed>".getBytes(StandardCharsets.UTF_8), now);
        assertThat(archive.verify().intact()).as("new entries chain to the exported ones").isTrue();

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThat(archive.verify()).satisfies(b -> {
            assertThat(b.firstBrokenSeq()).contains(1L);
            assertThat(b.chainBreak()).contains(ChainBreak.FILE_CHANGED);
            assertThat(b.reason()).contains("changed").contains(file.getFileName().toString());
        });
        Files.delete(file);
        assertThat(archive.verify()).satisfies(m -> {
            assertThat(m.chainBreak()).contains(ChainBreak.FILE_MISSING);
            assertThat(m.reason()).contains("missing");
        });
    }

    /** The retention policy exports what is older than it keeps, and does nothing while it is off. */
    @Test
    void theRetentionPolicyExportsWhatIsOlderThanItKeeps() {
        archive.append(Archive.OUT, "e", "old", "COP-OLD", "<old/>".getBytes(StandardCharsets.UTF_8), now.minus(Duration.ofDays(40)));
        archive.append(Archive.OUT, "e", "new", "COP-NEW", "<new/>".getBytes(StandardCharsets.UTF_8), now.minus(Duration.ofDays(2)));
        ArchiveRetention retention = new ArchiveRetention(new ArchiveStore(dataSource), receipts, tx, exports,
                Clock.fixed(now, ZoneOffset.UTC));
        new RetentionPolicy(retention, null, Clock.fixed(now, ZoneOffset.UTC)).run();
        assertThat(jdbc.sql("select count(*) from archive_entry").query(Long.class).single()).as("off: nothing leaves").isEqualTo(2);
        new RetentionPolicy(retention, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC)).run();
        assertThat(jdbc.sql("select cop_msg_id from archive_entry").query(String.class).list()).containsExactly("COP-NEW");
        assertThat(archive.find("COP-OLD")).singleElement().extracting(Archive.Found::place).asString().startsWith("cebgw-archive-000000000001-000000000001");
        assertThat(archive.verify().intact()).isTrue();

        RetentionPolicy keepsAYear = new RetentionPolicy(retention, Duration.ofDays(365), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(keepsAYear.behind()).as("the oldest entry is younger than it keeps").isEmpty();
        RetentionPolicy failing = new RetentionPolicy(retention, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(failing.behind()).as("2 days old, kept 12 hours: more than a day behind").get().satisfies(a -> {
            assertThat(a.key()).isEqualTo("retention");
            assertThat(a.zh()).contains("存档保留未能执行").contains("已有 2 天").contains("./cebgw doctor");
            assertThat(a.en()).contains("retention round failed");
        });
        assertThat(new RetentionPolicy(retention, Duration.ofHours(25), Clock.fixed(now, ZoneOffset.UTC)).behind()).as("23 hours late is not yet failing")
                .isEmpty();
        assertThat(new RetentionPolicy(retention, null, Clock.fixed(now, ZoneOffset.UTC)).behind()).as("off").isEmpty();
    }

    /** Counts by status, kept as documents change, agree with counting the rows: before and after the changes are folded in. */
    @Test
    void countsByStatusFollowEveryChange() {
        String e = enterprise("DXPENT0000000078");
        String other = enterprise("DXPENT0000000079");
        DocumentRow a = document(e, "C-1", null);
        DocumentRow b = document(e, "C-2", null);
        DocumentRow c = document(e, "C-3", null);
        document(other, "C-9", null);
        assertThat(documents.countsByStatus(e)).isEqualTo(Map.of(DocumentStore.DRAFTS, 3)).isEqualTo(counted(e));
        assertThat(documents.signed(a.id(), new byte[] {1}, new byte[] {2}, "COP-A", now)).isTrue();
        assertThat(documents.signed(a.id(), new byte[] {1}, new byte[] {2}, "COP-A2", now)).as("declared once").isFalse();
        assertThat(documents.signed(b.id(), new byte[] {1}, new byte[] {2}, "COP-B", now)).isTrue();
        assertThat(documents.countsByStatus(e)).isEqualTo(Map.of(DocumentStore.DRAFTS, 1, DocumentStore.UNANSWERED, 2)).isEqualTo(counted(e));
        tx.executeWithoutResult(s -> assertThat(documents.status(a.id(), null, "2", "20260101000000000", false, now)).isTrue());
        tx.executeWithoutResult(s -> assertThat(documents.status(a.id(), "2", "120", "20260101000001000", true, now)).isTrue());
        assertThat(documents.counts().fold(tx)).isPositive();
        assertThat(documents.countsByStatus(e)).isEqualTo(Map.of(DocumentStore.DRAFTS, 1, DocumentStore.UNANSWERED, 1, "120", 1))
                .isEqualTo(counted(e));
        assertThat(documents.deleteDraft(other, c.id())).as("not its draft").isFalse();
        assertThat(documents.deleteDraft(e, b.id())).as("declared, not a draft").isFalse();
        assertThat(documents.deleteDraft(e, c.id())).isTrue();
        assertThat(documents.countsByStatus(e)).isEqualTo(Map.of(DocumentStore.UNANSWERED, 1, "120", 1)).isEqualTo(counted(e));
        assertThat(documents.counts().fold(tx)).isPositive();
        assertThat(documents.counts().fold(tx)).as("nothing left to fold").isZero();
        assertThat(documents.countsByStatus(e)).isEqualTo(counted(e));
        assertThat(documents.countsByStatus(other)).isEqualTo(Map.of(DocumentStore.DRAFTS, 1));
        assertThat(documents.countsByTypeAndStatus()).containsEntry(List.of("CEB603Message", "120"), 1).containsEntry(List.of("CEB603Message",
                DocumentStore.DRAFTS), 1);
    }

    private Map<String, Integer> counted(String enterpriseId) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("select " + DocumentCounts.KEY_SQL + " as k, count(*) as n from document where enterprise_id = ? group by " + DocumentCounts.KEY_SQL)
                .param(enterpriseId).query(rs -> {
                    counts.put(rs.getString("k"), rs.getInt("n"));
                });
        return counts;
    }

    @Test
    void statisticsAreKeptOnlyWherePostgresqlRunsWithoutAutovacuum() {
        Dialect dialect = Dialect.of(dataSource);
        StatisticsKeeper keeper = StatisticsKeeper.of(dialect, jdbc);
        if (dialect == Dialect.POSTGRESQL) {
            assertThat(keeper.active()).isEqualTo(jdbc.sql("show autovacuum").query(String.class).single().equals("off"));
        } else {
            assertThat(keeper.active()).isFalse();
            assertThat(keeper.analyzeWhereDue()).isEmpty();
        }
    }

    @Test
    void anActiveKeeperAnalyzesATableOnceEnoughOfItsRowsChanged() throws Exception {
        if (Dialect.of(dataSource) != Dialect.POSTGRESQL) {
            return; // the statistics it reads and the ANALYZE it runs are PostgreSQL's
        }
        StatisticsKeeper keeper = new StatisticsKeeper(jdbc, true);
        keeper.analyzeWhereDue(); // whatever the migrations left
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into status_transition (document_id, to_status, happened_at)"
                    + " select 'd' || n, '2', now() from generate_series(1, 200) n");
            s.execute("select pg_stat_force_next_flush()"); // this backend's counts reach pg_stat_user_tables now, not in 10 s
            s.execute("select 1");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("select n_mod_since_analyze from pg_stat_user_tables where relname = 'status_transition' and schemaname = current_schema()")
                .query(Long.class).single() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(keeper.analyzeWhereDue()).contains("status_transition").doesNotContain("api_key");
        assertThat(jdbc.sql("select reltuples from pg_class where relname = 'status_transition' and relnamespace = current_schema()::regnamespace")
                .query(Double.class).single()).isEqualTo(200.0);
        assertThat(keeper.analyzeWhereDue()).doesNotContain("status_transition");
    }
}

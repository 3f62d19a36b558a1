package io.cebgw.bench;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import io.cebgw.server.document.WebUsers;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.ArchiveStore;
import io.cebgw.server.store.StoredBytes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Years of data (issue 20): seed documents go through the gateway for real on PostgreSQL (signed, sent to the
 * in-process sandbox, answered, archived), {@link GrowthFill} grows them to {@code documents} spread over three years
 * and 20 enterprises (half of them the platform's biggest), then, on the grown database with the gateway running:
 * the list and search API and pages (p50/p95), accept latency under the standard load ({@link GatewayLoad}'s 8
 * clients), {@code archive verify}'s speed, and the bytes stored per document.
 *
 * <p>Run: {@code java -cp cebgw-bench/target/cebgw-bench.jar io.cebgw.bench.GrowthLoad [documents] [seeds]}
 * (PostgreSQL at 127.0.0.1:5432, user postgres, trust; the database {@code cebgw_growth} is recreated; 2 million
 * documents take about 20 GB).
 */
public final class GrowthLoad {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int ENTERPRISES = 20;

    private GrowthLoad() {
    }

    public static void main(String[] args) throws Exception {
        boolean measureOnly = args.length > 0 && "measure".equals(args[0]);
        int documents = !measureOnly && args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Path dir = Files.createTempDirectory("cebgw-growth");
        emptyBaseline(dir);
        String url = "jdbc:postgresql://127.0.0.1:5432/cebgw_growth";
        ConfigurableApplicationContext context = measureOnly ? start("cebgw_growth", dir) : gateway("cebgw_growth", dir);
        try (Connection db = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", "postgres", "")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            List<EnterpriseService.Registered> enterprises = measureOnly ? existing(context) : register(context, dir);
            if (!measureOnly) {
                grow(context, db, jdbc, port, enterprises, documents, seeds);
            }
            long total = GrowthFill.count(db, "select count(*) from document");
            System.out.println(tableBytes(db, total));
            queries(context, port, enterprises, db);
            System.out.println("accepts on the grown database, 5,000 orders, 8 clients:");
            accepts(jdbc, port, enterprises.get(ENTERPRISES - 1));
            verify(context, db);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Seeds through the gateway, then clones them to {@code documents} with their receipts and archive. */
    private static void grow(ConfigurableApplicationContext context, Connection db, JdbcClient jdbc, int port,
                             List<EnterpriseService.Registered> enterprises, int documents, int seeds) throws Exception {
        long t0 = System.nanoTime();
        seed(jdbc, port, enterprises.get(0), seeds);
        System.out.printf("GrowthLoad: %d seed documents through the gateway in %.1f s%n", seeds, (System.nanoTime() - t0) / 1e9);
        String seedBytes = seedBytes(db);
        GrowthFill.markSeeds(db);
        int generations = (int) Math.ceil((double) documents / seeds) - 1;
        GrowthFill fill = new GrowthFill(db, enterprises.stream().map(e -> e.enterprise().id()).toList(), generations, Duration.ofDays(3 * 365),
                Instant.now());
        t0 = System.nanoTime();
        fill.cloneRows();
        long entries = fill.rewriteArchive(context.getBean(ArchiveStore.class));
        try (Statement s = db.createStatement()) {
            s.execute("drop table seed_document");
            s.execute("delete from document_count");
            s.execute("delete from document_count_delta");
            s.execute("insert into document_count (enterprise_id, message_type, status_key, n) select enterprise_id, message_type, "
                    + "case when cop_msg_id is null then 'draft' else coalesce(status, 'none') end, count(*) from document group by 1, 2, 3");
            s.execute("vacuum analyze");
        }
        System.out.printf("grown to %,d documents and %,d archive entries in %.0f s%n", GrowthFill.count(db, "select count(*) from document"), entries,
                (System.nanoTime() - t0) / 1e9);
        System.out.println(seedBytes);
    }

    /** The enterprises of an earlier run's database, each with a new API key. */
    private static List<EnterpriseService.Registered> existing(ConfigurableApplicationContext context) {
        EnterpriseService service = context.getBean(EnterpriseService.class);
        io.cebgw.server.store.EnterpriseStore store = context.getBean(io.cebgw.server.store.EnterpriseStore.class);
        List<EnterpriseService.Registered> found = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            var row = store.byDxpId("DXPENT00000900%02d".formatted(i)).orElseThrow();
            found.add(new EnterpriseService.Registered(row, service.newApiKeyFor(row)));
        }
        return found;
    }

    /** A gateway with the in-process sandbox on a new PostgreSQL database of this name. */
    private static ConfigurableApplicationContext gateway(String database, Path dir) throws Exception {
        GatewayLoad.recreateDatabase(database);
        return start(database, dir);
    }

    /** A gateway with the in-process sandbox on the PostgreSQL database of this name. */
    private static ConfigurableApplicationContext start(String database, Path dir) {
        return GatewayApplication.start("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=12",
                "--cebgw.exchange-folder=" + dir.resolve(database), "--cebgw.sandbox=true", "--cebgw.sandbox-step-millis=1",
                "--cebgw.relay-interval=10ms", "--cebgw.poll-interval=10ms", "--logging.level.root=WARN");
    }

    /** Raw baseline, same run: the accept measurement on an empty database, before anything is grown. */
    private static void emptyBaseline(Path dir) throws Exception {
        ConfigurableApplicationContext context = gateway("cebgw_growth_empty", dir);
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            System.out.println("raw baseline, same run: accepts on an empty database, 5,000 orders, 8 clients:");
            accepts(context.getBean(JdbcClient.class), port, register(context, dir).get(ENTERPRISES - 1));
        } finally {
            context.close();
        }
        GatewayLoad.recreateDatabase("cebgw_growth_empty");
    }

    private static List<EnterpriseService.Registered> register(ConfigurableApplicationContext context, Path dir) throws Exception {
        Path p12 = dir.resolve("growth.p12");
        Files.writeString(dir.resolve("growth.pw"), "growth-password\n");
        KeyPairs.writePkcs12(KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=growth,C=CN", Duration.ofDays(30)), p12, "growth-password".toCharArray(),
                "cebgw");
        List<EnterpriseService.Registered> registered = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            registered.add(context.getBean(EnterpriseService.class).register("企业 " + i, FlowDocuments.EXPORTER, "DXPENT00000900%02d".formatted(i), "EBC",
                    "type=pkcs12\npath=" + p12 + "\npassword.file=" + dir.resolve("growth.pw") + "\n"));
        }
        return registered;
    }

    /** Declares the seeds through the API (three 10-item CEB603 lists to one CEB303 order) and waits for their answers. */
    private static void seed(JdbcClient jdbc, int port, EnterpriseService.Registered e, int seeds) throws Exception {
        for (int i = 0; i < seeds; i++) {
            MessageType type = i % 4 == 0 ? MessageType.CEB303 : MessageType.CEB603;
            CebMessage message = FlowDocuments.document(type, "9710", "SEED" + i + "-", FlowDocuments.EXPORTER, e.enterprise().dxpId(),
                    type == MessageType.CEB603 ? 10 : 1);
            GatewayLoad.post(port, e.apiKey(), JsonMessages.write(message).toString().getBytes(StandardCharsets.UTF_8), i);
        }
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long answered = -1;
        while (System.nanoTime() < end) {
            long now = jdbc.sql("select count(*) from document where status is not null").query(Long.class).single();
            if (now == seeds || now == answered) {
                break;
            }
            answered = now;
            Thread.sleep(3000);
        }
        System.out.println("seed statuses: " + jdbc.sql("select message_type || ' ' || coalesce(status, '-') || ' × ' || count(*) from document"
                + " group by message_type, status order by 1").query(String.class).list());
    }

    /** What one 10-item CEB603 of the seeds takes: its message bytes as sent and as stored, with its receipts and archive entries. */
    private static String seedBytes(Connection db) throws Exception {
        long raw = 0;
        long stored = 0;
        int n = 0;
        List<byte[]> asSent = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select d.unsigned_xml, d.signed_xml, d.envelope,"
                + " (select coalesce(sum(pg_column_size(r.*)), 0) from receipt r where r.document_id = d.id)"
                + " + (select coalesce(sum(pg_column_size(t.*)), 0) from status_transition t where t.document_id = d.id)"
                + " + (select coalesce(sum(pg_column_size(o.*)), 0) from outbox o where o.document_id = d.id) as rows,"
                + " pg_column_size(d.*) as document_row from document d where d.message_type = 'CEB603Message'")) {
            while (rs.next()) {
                for (int c = 1; c <= 3; c++) {
                    byte[] b = rs.getBytes(c);
                    byte[] unpacked = b == null ? new byte[0] : StoredBytes.unpack(b);
                    raw += unpacked.length;
                    asSent.add(unpacked);
                }
                stored += rs.getLong("document_row") + rs.getLong("rows");
                n++;
            }
        }
        long archiveRaw = 0;
        long archiveStored = 0;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select a.content, pg_column_size(a.*) from archive_entry a"
                + " where a.document_id in (select id from document where message_type = 'CEB603Message') or a.cop_msg_id in (select r.cop_msg_id"
                + " from receipt r join document d on d.id = r.document_id where d.message_type = 'CEB603Message')")) {
            while (rs.next()) {
                byte[] unpacked = StoredBytes.unpack(rs.getBytes(1));
                archiveRaw += unpacked.length;
                asSent.add(unpacked);
                archiveStored += rs.getLong(2);
            }
        }
        return String.format("one 10-item CEB603 (average of %d): document XML + signed + envelope %,d bytes as sent, its rows %,d bytes stored;"
                + " archive entries %,d bytes as sent, %,d stored; in all %,d → %,d bytes (before indexes); the same message bytes left to"
                + " PostgreSQL's own compression (raw baseline, same run): %,d bytes", n, raw / n, stored / n, archiveRaw / n,
                archiveStored / n, (raw + archiveRaw) / n, (stored + archiveStored) / n, pglzBytes(db, asSent) / n);
    }

    /** What the bytes take in a bytea column with PostgreSQL's default TOAST compression only (pglz). */
    private static long pglzBytes(Connection db, List<byte[]> values) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("create temporary table as_sent (b bytea)");
        }
        try (var ps = db.prepareStatement("insert into as_sent values (?)")) {
            for (byte[] v : values) {
                ps.setBytes(1, v);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        long bytes = GrowthFill.count(db, "select sum(pg_column_size(b)) from as_sent");
        try (Statement s = db.createStatement()) {
            s.execute("drop table as_sent");
        }
        return bytes;
    }

    private static String tableBytes(Connection db, long documents) throws Exception {
        StringBuilder out = new StringBuilder("| table | rows | total with indexes and TOAST | of which indexes |\n|---|---:|---:|---:|\n");
        long sum = 0;
        for (String table : List.of("document", "receipt", "status_transition", "outbox", "archive_entry")) {
            long bytes = GrowthFill.count(db, "select pg_total_relation_size('" + table + "')");
            long indexes = GrowthFill.count(db, "select pg_indexes_size('" + table + "')");
            out.append(String.format("| %s | %,d | %,d MB | %,d MB |%n", table, GrowthFill.count(db, "select count(*) from " + table), bytes >> 20,
                    indexes >> 20));
            sum += bytes;
        }
        return out.append(String.format("| **all** | %,d documents | %,d MB | **%,d bytes per document** |", documents, sum >> 20, sum / documents))
                .toString();
    }

    private static void queries(ConfigurableApplicationContext context, int port, List<EnterpriseService.Registered> enterprises, Connection db)
            throws Exception {
        EnterpriseService.Registered big = enterprises.get(0);
        EnterpriseService.Registered small = enterprises.get(ENTERPRISES - 1);
        GrowthQueries q = new GrowthQueries(port, 20, 200);
        System.out.println("| request | p50 ms | p95 ms | max ms | rows |\n|---|---:|---:|---:|---:|");
        for (EnterpriseService.Registered e : List.of(big, small)) {
            long count = GrowthFill.count(db, "select count(*) from document where enterprise_id = '" + e.enterprise().id() + "'");
            String who = e == big ? "big (" + count / 1000 + "k)" : "small (" + count / 1000 + "k)";
            String key = "X-Api-Key: " + e.apiKey();
            q.time("API " + who + ": newest 50", key, i -> "/api/v1/documents");
            q.time("API " + who + ": status 120", key, i -> "/api/v1/documents?status=120");
            q.time("API " + who + ": status 2 (waiting, 2 %)", key, i -> "/api/v1/documents?status=2");
            q.time("API " + who + ": drafts (none)", key, i -> "/api/v1/documents?status=draft");
            q.time("API " + who + ": type CEB603", key, i -> "/api/v1/documents?type=CEB603Message");
            q.time("API " + who + ": one week, a year ago", key, i -> "/api/v1/documents?from=" + day(365 + i % 50) + "&to=" + day(359 + i % 50));
            q.time("API " + who + ": type + status + 30 days", key, i -> "/api/v1/documents?type=CEB303Message&status=2&from=" + day(400 + i)
                    + "&to=" + day(371 + i));
            List<String> keys = numbers(sample(db, "business_key", e.enterprise().id()));
            q.time("API " + who + ": number, one document", key, i -> "/api/v1/documents?number=" + encode(keys.get(i % keys.size())));
            q.time("API " + who + ": page 100 (offset 5,000)", key, i -> "/api/v1/documents?offset=5000");
        }
        rawListQuery(db, big.enterprise().id());
        String username = "growth-" + System.nanoTime() % 1_000_000;
        WebUsers.Created user = context.getBean(WebUsers.class).forEnterprise(big.enterprise().id(), username, "大企业用户");
        String cookie = q.signIn(username, user.password());
        q.time("page: dashboard", cookie, i -> "/");
        q.time("page: documents", cookie, i -> "/documents");
        q.time("page: documents, status 2", cookie, i -> "/documents?status=2");
        q.time("page: documents, one month", cookie, i -> "/documents?from=" + day(400 + i) + "&to=" + day(370 + i));
        List<String> keys = numbers(sample(db, "business_key", big.enterprise().id()));
        q.time("page: documents, number", cookie, i -> "/documents?number=" + encode(keys.get(i % keys.size())));
        List<String> ids = sample(db, "id", big.enterprise().id());
        q.time("page: one document", cookie, i -> "/documents/" + ids.get(i % ids.size()));
        q.time("API big: one document", "X-Api-Key: " + big.apiKey(), i -> "/api/v1/documents/" + ids.get(i % ids.size()));
    }

    /** Raw baseline, same run: the newest-50 query of the big enterprise straight over JDBC, without the gateway. */
    private static void rawListQuery(Connection db, String enterpriseId) throws Exception {
        long[] nanos = new long[200];
        try (var ps = db.prepareStatement("select id, enterprise_id, message_type, business_key, guid, app_type, app_status, status, status_time,"
                + " final_state, cop_msg_id, idempotency_key, created_at, updated_at from document where enterprise_id = ?"
                + " order by created_at desc, id limit 50 offset 0")) {
            ps.setString(1, enterpriseId);
            for (int i = -20; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("| raw baseline: the same newest-50 query over JDBC, no gateway | %.1f | **%.1f** | %.1f | 50 |%n", nanos[100] / 1e6,
                nanos[189] / 1e6, nanos[199] / 1e6);
    }

    /** Some values of a column of the enterprise's documents, picked at random across the table. */
    private static List<String> sample(Connection db, String column, String enterpriseId) throws Exception {
        List<String> values = new ArrayList<>();
        for (String from : List.of("document tablesample system (1)", "document")) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select " + column + " from " + from
                    + " where enterprise_id = '" + enterpriseId + "' limit 300")) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            if (values.size() >= 50) {
                break;
            }
        }
        return values;
    }

    /** What a person types to find a document: its number (a business key's last part), not the key with the enterprise's codes. */
    private static List<String> numbers(List<String> businessKeys) {
        return businessKeys.stream().map(k -> k.substring(k.lastIndexOf('|') + 1)).toList();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String day(int daysAgo) {
        return LocalDate.now(BEIJING).minusDays(daysAgo).toString();
    }

    /** Accept latency under the standard load (8 clients), on the grown database, after a warm-up round. */
    private static void accepts(JdbcClient jdbc, int port, EnterpriseService.Registered e) throws Exception {
        System.setProperty("http.maxConnections", "8");
        GatewayLoad.round(jdbc, port, e.apiKey(), GatewayLoad.bodies("GROW-W", 2000, e.enterprise().dxpId()), 8);
        GatewayLoad.Round measured = GatewayLoad.round(jdbc, port, e.apiKey(), GatewayLoad.bodies("GROW-A", 5000, e.enterprise().dxpId()), 8);
        measured.print();
        System.out.printf("  raw SM2 signing rate %.0f signatures/s (same run, one thread, 1 KB)%n", GatewayLoad.rawSm2Rate(Duration.ofSeconds(3)));
    }

    private static void verify(ConfigurableApplicationContext context, Connection db) throws Exception {
        long bytes = GrowthFill.count(db, "select pg_total_relation_size('archive_entry')");
        long t0 = System.nanoTime();
        Archive.Verification v = context.getBean(Archive.class).verify();
        double seconds = (System.nanoTime() - t0) / 1e9;
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        long s0 = System.nanoTime();
        for (int i = 0; i < 512; i++) {
            sha.update(block);
        }
        sha.digest();
        System.out.printf("raw baseline, same run: SHA-256 in the JDK %.0f MB/s on one thread%n", 512 / ((System.nanoTime() - s0) / 1e9));
        System.out.printf("archive verify: %s, %,d entries in %.0f s — %,.0f entries/s, %.0f MB/s of stored archive%n", v.intact() ? "intact" : "BROKEN " + v.reason(),
                v.entries(), seconds, v.entries() / seconds, (bytes >> 20) / seconds);
    }
}

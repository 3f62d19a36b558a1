package io.cebgw.bench;

import io.cebgw.server.store.ArchiveStore;
import io.cebgw.server.store.StoredBytes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Grows a gateway's PostgreSQL database from the seed documents that went through the gateway for real (signed,
 * sent, answered, archived) to millions: generation {@code g} of every seed gets its own id, business key, CopMsgId,
 * enterprise and creation time, {@code g} days ago and earlier going back {@code years}; its receipts, transitions
 * and outbox row come along; one generation in 50 is still waiting for customs (status 2, no receipt). The archive is
 * written again in time order, oldest generation first, with a correct hash chain, so that {@code archive verify}
 * and retention see what years of traffic leave.
 */
final class GrowthFill {
    private static final int BATCH = 2_000;
    private final Connection db;
    private final String[] enterprises;
    private final int generations;
    private final Duration span;
    private final Instant newest;

    /**
     * @param enterprises the enterprises' ids: generation {@code g} belongs to the first when even (half of all documents:
     *                    the platform's biggest), else to one of the others in turn
     */
    GrowthFill(Connection db, List<String> enterprises, int generations, Duration span, Instant newest) {
        this.db = db;
        this.enterprises = enterprises.toArray(String[]::new);
        this.generations = generations;
        this.span = span;
        this.newest = newest;
    }

    /** The SQL of generation g's creation time: evenly back over the span, seeds (g = 0) newest. */
    private String createdAt() {
        return "(timestamp '" + Timestamp.from(newest) + "' - (g::float8 / " + generations + ") * interval '" + span.toSeconds() + " seconds')";
    }

    /**
     * Generation g's business key: the seed's codes with a number as real ones look — letters of its kind, the day it
     * was made, a running number (CL202411030012345) — so that searching by part of a number meets what it would.
     */
    private String number() {
        return "regexp_replace(d.business_key, '[^|]*$', '') || case when d.message_type = 'CEB303Message' then 'SO' else 'CL' end"
                + " || to_char(" + createdAt() + ", 'YYYYMMDD') || lpad((g * 1000 + d.seed_rank)::text, 8, '0')";
    }

    private static String suffixed(String column) {
        return "left(" + column + ", 24) || lpad(to_hex(g), 12, '0')";
    }

    private String enterpriseOf() {
        return "case when g % 2 = 0 then (?::varchar[])[1] else (?::varchar[])[2 + (g / 2) % " + (enterprises.length - 1) + "] end";
    }

    /** Clones the seeds' rows for generations 1…{@code generations}, a chunk at a time; prints progress. */
    void cloneRows() throws SQLException {
        int chunk = 100;
        for (int from = 1; from <= generations; from += chunk) {
            int to = Math.min(generations, from + chunk - 1);
            long t0 = System.nanoTime();
            db.setAutoCommit(false);
            run("insert into document (id, enterprise_id, message_type, business_key, guid, app_type, app_status, status, status_time, final_state,"
                    + " cop_msg_id, idempotency_key, findings, unsigned_xml, signed_xml, envelope, created_at, updated_at, live_key, shipment_id)"
                    + " select " + suffixed("d.id") + ", " + enterpriseOf() + ", d.message_type, " + number() + ", upper(gen_random_uuid()::text),"
                    + " d.app_type, d.app_status, case when g % 50 = 7 then '2' else d.status end, d.status_time,"
                    + " case when g % 50 = 7 then false else d.final_state end, " + suffixed("d.cop_msg_id") + ", null, d.findings, d.unsigned_xml,"
                    + " d.signed_xml, d.envelope, " + createdAt() + ", " + createdAt() + " + interval '2 minutes',"
                    + " case when d.live_key is not null or (g % 50 = 7 and d.app_type = '1') then " + number() + " end, null"
                    + " from seed_document d cross join generate_series(?, ?) g", from, to);
            run("insert into receipt (enterprise_id, document_id, message_type, return_status, return_time, return_info, cop_msg_id, outcome, received_at)"
                    + " select " + enterpriseOf() + ", " + suffixed("r.document_id") + ", r.message_type, r.return_status, r.return_time, r.return_info,"
                    + " " + suffixed("r.cop_msg_id") + ", r.outcome, " + createdAt() + " + interval '1 minute'"
                    + " from receipt r join seed_document d on d.id = r.document_id cross join generate_series(?, ?) g where g % 50 <> 7", from, to);
            run("insert into status_transition (document_id, from_status, to_status, return_time, happened_at)"
                    + " select " + suffixed("t.document_id") + ", t.from_status, t.to_status, t.return_time, " + createdAt() + " + interval '1 minute'"
                    + " from status_transition t join seed_document d on d.id = t.document_id cross join generate_series(?, ?) g where g % 50 <> 7",
                    from, to);
            run("insert into outbox (enterprise_id, document_id, cop_msg_id, payload, attempts, next_attempt_at, state, created_at)"
                    + " select " + enterpriseOf() + ", " + suffixed("o.document_id") + ", " + suffixed("o.cop_msg_id") + ", null, 1, " + createdAt() + ","
                    + " 'SENT', " + createdAt() + " from outbox o join seed_document d on d.id = o.document_id cross join generate_series(?, ?) g",
                    from, to);
            db.commit();
            db.setAutoCommit(true);
            System.out.printf("  generations %d–%d of %d: %.1f s%n", from, to, generations, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Runs an insert whose statement has the enterprise arrays (as many as {@link #enterpriseOf} uses) and then g's range. */
    private void run(String sql, int from, int to) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            Array ids = db.createArrayOf("varchar", enterprises);
            int n = 1;
            for (int i = 0; i < countOf(sql, "?::varchar[]"); i++) {
                ps.setArray(n++, ids);
            }
            ps.setInt(n++, from);
            ps.setInt(n, to);
            ps.executeUpdate();
        }
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    /** One archived message of the seeds, its bytes stored once and written again for every generation. */
    private record SeedEntry(String direction, String enterpriseId, String documentId, String copMsgId, String sha256, byte[] stored,
                             Duration afterCreation) {
    }

    /**
     * Writes the archive again: every generation's entries from the oldest to the seeds, in sequence with a correct
     * chain, each entry's time that of its generation. Returns the number of entries.
     */
    long rewriteArchive(ArchiveStore seeds) throws Exception {
        List<SeedEntry> entries = new ArrayList<>();
        Instant[] first = {null};
        seeds.forEach(0, e -> {
            first[0] = first[0] == null ? e.at() : first[0];
            entries.add(new SeedEntry(e.direction(), e.enterpriseId(), e.documentId(), e.copMsgId(), e.sha256(), StoredBytes.pack(e.content()),
                    Duration.between(first[0], e.at())));
        });
        try (Statement s = db.createStatement()) {
            s.execute("delete from archive_entry");
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String chain = "0".repeat(64);
        long seq = 0;
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("insert into archive_entry (seq, direction, enterprise_id, document_id, cop_msg_id, sha256,"
                + " chain_hash, content, happened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int g = generations; g >= 0; g--) {
                Instant created = newest.minus(span.multipliedBy(g).dividedBy(generations));
                String enterprise = g % 2 == 0 ? enterprises[0] : enterprises[1 + (g / 2) % (enterprises.length - 1)];
                for (SeedEntry e : entries) {
                    seq++;
                    chain = HexFormat.of().formatHex(sha.digest((chain + e.sha256()).getBytes(StandardCharsets.US_ASCII)));
                    ps.setLong(1, seq);
                    ps.setString(2, e.direction());
                    ps.setString(3, g == 0 || e.enterpriseId() == null ? e.enterpriseId() : enterprise);
                    ps.setString(4, g == 0 || e.documentId() == null ? e.documentId() : suffix(e.documentId(), g));
                    ps.setString(5, g == 0 || e.copMsgId() == null ? e.copMsgId() : suffix(e.copMsgId(), g));
                    ps.setString(6, e.sha256());
                    ps.setString(7, chain);
                    ps.setBytes(8, e.stored());
                    ps.setTimestamp(9, Timestamp.from(created.plus(e.afterCreation())));
                    ps.addBatch();
                    if (seq % BATCH == 0) {
                        ps.executeBatch();
                        db.commit();
                    }
                }
                if (g % 500 == 0) {
                    System.out.printf("  archive: generation %d written (%d entries so far)%n", g, seq);
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement head = db.prepareStatement("update archive_head set seq = ?, chain_hash = ? where id = 1")) {
            head.setLong(1, seq);
            head.setString(2, chain);
            head.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
        return seq;
    }

    private static String suffix(String id, int g) {
        return id.substring(0, Math.min(24, id.length())) + "%012x".formatted(g);
    }

    /** The seeds' ids, kept in a table of their own while the clones are made. */
    static void markSeeds(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("create table seed_document as select *, row_number() over (order by id) as seed_rank from document");
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

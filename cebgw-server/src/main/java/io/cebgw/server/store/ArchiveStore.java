package io.cebgw.server.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The archive rows: every message's bytes with its hash and the running chain hash; the chain head; the exports. */
public final class ArchiveStore {
    private static final String INSERT = "insert into archive_entry (seq, direction, enterprise_id, document_id, cop_msg_id, sha256,"
            + " chain_hash, content, happened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int PAGE = 500;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public ArchiveStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
    }

    /** One archived message. {@code chainHash} = SHA-256(previous chainHash ‖ sha256). */
    public record Entry(long seq, String direction, String enterpriseId, String documentId, String copMsgId, String sha256,
                        String chainHash, byte[] content, Instant at) {
    }

    /** The last entry's sequence number and chain hash: (0, genesis) for an empty archive. */
    public record Head(long seq, String chainHash) {
    }

    /**
     * Entries {@code firstSeq}…{@code lastSeq} written to {@code fileName}; the chain before them ends in
     * {@code previousHash}, theirs in {@code lastChainHash}. {@code purgedAt} is set once they left the database.
     */
    public record Export(long firstSeq, long lastSeq, String previousHash, String lastChainHash, long entries, long receipts,
                         String fileName, String fileSha256, Instant exportedAt, Instant purgedAt) {
        public boolean purged() {
            return purgedAt != null;
        }
    }

    /** Inserts entries in order (in the caller's transaction, if any), as one JDBC batch. */
    public void insertAll(List<Entry> entries) {
        batches.batchUpdate(INSERT, entries, entries.size(), (ps, e) -> {
            ps.setLong(1, e.seq());
            ps.setString(2, e.direction());
            ps.setString(3, e.enterpriseId());
            ps.setString(4, e.documentId());
            ps.setString(5, e.copMsgId());
            ps.setString(6, e.sha256());
            ps.setString(7, e.chainHash());
            ps.setBytes(8, StoredBytes.pack(e.content()));
            ps.setTimestamp(9, Timestamp.from(e.at()));
        });
    }

    /** The chain head, locked until the caller's transaction ends (appends on every node wait for each other here). */
    public Head lockHead() {
        return jdbc.sql("select seq, chain_hash from archive_head where id = 1 for update").query(ArchiveStore::headRow).single();
    }

    /** The chain head as committed. */
    public Head head() {
        return jdbc.sql("select seq, chain_hash from archive_head where id = 1").query(ArchiveStore::headRow).single();
    }

    public void moveHead(Head head) {
        jdbc.sql("update archive_head set seq = ?, chain_hash = ? where id = 1").params(head.seq(), head.chainHash()).update();
    }

    /** Walks the entries after {@code afterSeq} in order, a page at a time (the archive can be large). */
    public void forEach(long afterSeq, Consumer<Entry> visitor) {
        long after = afterSeq;
        while (true) {
            List<Entry> page = jdbc.sql("select * from archive_entry where seq > ? order by seq limit " + PAGE).param(after)
                    .query(ArchiveStore::row).list();
            page.forEach(visitor);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Entries {@code fromSeq}…{@code toSeq} in order, a page at a time. */
    public void forEachBetween(long fromSeq, long toSeq, Consumer<Entry> visitor) {
        long after = fromSeq - 1;
        while (after < toSeq) {
            List<Entry> page = jdbc.sql("select * from archive_entry where seq > ? and seq <= ? order by seq limit " + PAGE).params(after, toSeq)
                    .query(ArchiveStore::row).list();
            page.forEach(visitor);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /** The entries still in the database naming this document or CopMsgId. */
    public List<Entry> find(String documentOrCopMsgId) {
        return jdbc.sql("select * from archive_entry where document_id = ? or cop_msg_id = ? order by seq").params(documentOrCopMsgId, documentOrCopMsgId)
                .query(ArchiveStore::row).list();
    }

    /** The first entry in the database, if any. */
    public Optional<Long> firstSeq() {
        return jdbc.sql("select min(seq) from archive_entry").query(Long.class).optional();
    }

    /** When the first entry still in the database happened, if there is one. */
    public Optional<Instant> oldestInDatabase() {
        return jdbc.sql("select happened_at from archive_entry order by seq limit 1").query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The last sequence number whose entry, and every one before it, happened before {@code cutoff}. */
    public long lastSeqBefore(Instant cutoff) {
        return jdbc.sql("select min(seq) from archive_entry where happened_at >= ?").param(Timestamp.from(cutoff)).query(Long.class).optional()
                .map(firstAfter -> firstAfter - 1).orElseGet(() -> head().seq());
    }

    public List<Export> exports() {
        return jdbc.sql("select * from archive_export order by first_seq").query(ArchiveStore::export).list();
    }

    public void recordExport(Export e) {
        jdbc.sql("insert into archive_export (first_seq, last_seq, previous_hash, last_chain_hash, entries, receipts, file_name, file_sha256,"
                        + " exported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.firstSeq(), e.lastSeq(), e.previousHash(), e.lastChainHash(), e.entries(), e.receipts(), e.fileName(), e.fileSha256(),
                        Timestamp.from(e.exportedAt()))
                .update();
    }

    /** Removes an export's entries from the database and marks it purged (in the caller's transaction). */
    public int purge(Export e, Instant at) {
        int removed = jdbc.sql("delete from archive_entry where seq >= ? and seq <= ?").params(e.firstSeq(), e.lastSeq()).update();
        jdbc.sql("update archive_export set purged_at = ? where first_seq = ?").params(Timestamp.from(at), e.firstSeq()).update();
        return removed;
    }

    private static Head headRow(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong("seq"), rs.getString("chain_hash"));
    }

    private static Export export(ResultSet rs, int n) throws SQLException {
        Timestamp purged = rs.getTimestamp("purged_at");
        return new Export(rs.getLong("first_seq"), rs.getLong("last_seq"), rs.getString("previous_hash"), rs.getString("last_chain_hash"),
                rs.getLong("entries"), rs.getLong("receipts"), rs.getString("file_name"), rs.getString("file_sha256"),
                rs.getTimestamp("exported_at").toInstant(), purged == null ? null : purged.toInstant());
    }

    /** An entry's message; stored bytes that no longer inflate are returned as they are, so verify reports them as changed. */
    private static byte[] content(byte[] stored) {
        try {
            return StoredBytes.unpack(stored);
        } catch (IllegalStateException damaged) {
            return stored;
        }
    }

    static Entry row(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("seq"), rs.getString("direction"), rs.getString("enterprise_id"), rs.getString("document_id"),
                rs.getString("cop_msg_id"), rs.getString("sha256"), rs.getString("chain_hash"), content(rs.getBytes("content")),
                rs.getTimestamp("happened_at").toInstant());
    }
}

package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The archive rows: every message's bytes with its hash and the running chain hash. */
public final class ArchiveStore {
    private final JdbcClient jdbc;

    public ArchiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One archived message. {@code chainHash} = SHA-256(previous chainHash ‖ sha256). */
    public record Entry(long seq, String direction, String enterpriseId, String documentId, String copMsgId, String sha256,
                        String chainHash, byte[] content, Instant at) {
    }

    public void insert(Entry e) {
        jdbc.sql("insert into archive_entry (seq, direction, enterprise_id, document_id, cop_msg_id, sha256, chain_hash, content, happened_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.seq(), e.direction(), e.enterpriseId(), e.documentId(), e.copMsgId(), e.sha256(), e.chainHash(), e.content(),
                        Timestamp.from(e.at()))
                .update();
    }

    /** Inserts entries in order (in the caller's transaction, if any). */
    public void insertAll(java.util.List<Entry> entries) {
        entries.forEach(this::insert);
    }

    /** The last entry's sequence number and chain hash (not its content), or (0, genesis) for an empty archive. */
    public Entry last() {
        return jdbc.sql("select seq, chain_hash from archive_entry order by seq desc limit 1")
                .query((rs, n) -> new Entry(rs.getLong("seq"), "", null, null, null, "", rs.getString("chain_hash"), new byte[0], Instant.EPOCH))
                .optional()
                .orElse(new Entry(0, "", null, null, null, "", Archive.GENESIS, new byte[0], Instant.EPOCH));
    }

    /** Walks the archive in order, a page at a time (the archive can be large). */
    public void forEach(Consumer<Entry> visitor) {
        long after = 0;
        while (true) {
            List<Entry> page = jdbc.sql("select * from archive_entry where seq > ? order by seq limit 500").param(after)
                    .query(ArchiveStore::row).list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(visitor);
            after = page.get(page.size() - 1).seq();
        }
    }

    private static Entry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong("seq"), rs.getString("direction"), rs.getString("enterprise_id"), rs.getString("document_id"),
                rs.getString("cop_msg_id"), rs.getString("sha256"), rs.getString("chain_hash"), rs.getBytes("content"),
                rs.getTimestamp("happened_at").toInstant());
    }
}

package io.cebgw.server.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The archive rows: every message's bytes with its hash and the running chain hash. */
public final class ArchiveStore {
    private static final String INSERT = "insert into archive_entry (seq, direction, enterprise_id, document_id, cop_msg_id, sha256,"
            + " chain_hash, content, happened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
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

    /** Inserts entries in order (in the caller's transaction, if any), as one JDBC batch. */
    public void insertAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        batches.batchUpdate(INSERT, entries, entries.size(), (ps, e) -> {
            ps.setLong(1, e.seq());
            ps.setString(2, e.direction());
            ps.setString(3, e.enterpriseId());
            ps.setString(4, e.documentId());
            ps.setString(5, e.copMsgId());
            ps.setString(6, e.sha256());
            ps.setString(7, e.chainHash());
            ps.setBytes(8, e.content());
            ps.setTimestamp(9, Timestamp.from(e.at()));
        });
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

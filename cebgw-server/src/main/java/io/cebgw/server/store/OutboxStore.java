package io.cebgw.server.store;

import io.cebgw.core.lifecycle.OutboxState;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transactional outbox. A document change and its outbox row are written in the same transaction (by the
 * caller); relays claim due rows ({@code FOR UPDATE SKIP LOCKED} where the database has it), send, and mark them.
 */
public final class OutboxStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Dialect dialect;

    public OutboxStore(JdbcClient jdbc, TransactionTemplate tx, Dialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dialect = dialect;
    }

    /**
     * A message to send, committed with the change that caused it. {@code payload} null: the bytes are the document's
     * own envelope ({@code document.envelope}, written in the same transaction), read when the row is claimed — an
     * envelope is not stored twice.
     */
    public void insert(String enterpriseId, String documentId, String copMsgId, byte[] payload, Instant now) {
        jdbc.sql("insert into outbox (enterprise_id, document_id, cop_msg_id, payload, attempts, next_attempt_at, state, created_at)"
                        + " values (?, ?, ?, ?, 0, ?, 'PENDING', ?)")
                .params(enterpriseId, documentId, copMsgId, new SqlParameterValue(Types.VARBINARY, StoredBytes.pack(payload)), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Claims up to {@code limit} due rows for this relay; other relays do not get them until released. */
    public List<OutboxRow> claim(String relayId, Instant now, int limit) {
        return tx.execute(status -> {
            List<Long> ids = jdbc.sql("select id from outbox where state = 'PENDING' and claimed_by is null and next_attempt_at <= ?"
                            + " order by id limit ?" + dialect.lockClause())
                    .params(Timestamp.from(now), limit).query(Long.class).list();
            if (ids.isEmpty()) {
                return List.<OutboxRow>of();
            }
            jdbc.sql("update outbox set claimed_by = :relay, claimed_at = :now where id in (:ids)")
                    .param("relay", relayId).param("now", Timestamp.from(now)).param("ids", ids).update();
            return jdbc.sql("select o.id, o.enterprise_id, o.document_id, o.cop_msg_id, coalesce(o.payload, d.envelope) as payload, o.attempts,"
                            + " o.state, o.last_error, o.next_attempt_at from outbox o left join document d on d.id = o.document_id where o.id in (:ids) order by o.id")
                    .param("ids", ids).query(OutboxStore::row).list();
        });
    }

    /** Several rows sent (one statement). */
    public void sentAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.sql("update outbox set state = 'SENT', claimed_by = null, attempts = attempts + 1 where id in (" + marks + ")")
                .params(new ArrayList<Object>(ids)).update();
    }

    /** A failed attempt: retried at {@code next}, or dead-lettered when {@code dead}. */
    public void failed(long id, String error, Instant next, boolean dead) {
        jdbc.sql("update outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_by = null, state = ? where id = ?")
                .params(error.length() > 1000 ? error.substring(0, 1000) : error, Timestamp.from(next), (dead ? OutboxState.DEAD : OutboxState.PENDING).name(), id)
                .update();
    }

    /** A live relay renews its claims (its lease), so that only a dead relay's claims grow stale; returns how many. */
    public int renewClaims(String relayId, Instant now) {
        return jdbc.sql("update outbox set claimed_at = ? where state = 'PENDING' and claimed_by = ?")
                .params(Timestamp.from(now), relayId).update();
    }

    /** Frees claims older than {@code stale} (a relay that died mid-send); returns how many. */
    public int releaseStale(Instant now, Duration stale) {
        return jdbc.sql("update outbox set claimed_by = null where state = 'PENDING' and claimed_by is not null and claimed_at < ?")
                .param(Timestamp.from(now.minus(stale))).update();
    }

    /** Manual resend: a dead or sent row of this enterprise goes back to pending with the same CopMsgId. */
    public int resend(String enterpriseId, String documentId, Instant now) {
        return jdbc.sql("update outbox set state = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = null, last_error = null"
                        + " where enterprise_id = ? and document_id = ? and state <> 'PENDING'")
                .params(Timestamp.from(now), enterpriseId, documentId).update();
    }

    /**
     * After an enterprise's transport profile changed: its envelopes that died of a transport problem ({@code CEB-T…})
     * and those waiting to retry go (back) to pending, due at {@code at}; none that a relay holds now.
     */
    public int retryAfterTransportChange(String enterpriseId, Instant at) {
        return jdbc.sql("update outbox set state = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null where enterprise_id = ?"
                        + " and claimed_by is null and ((state = 'DEAD' and last_error like 'CEB-T%') or (state = 'PENDING' and attempts > 0))")
                .params(Timestamp.from(at), enterpriseId).update();
    }

    public List<OutboxRow> forDocument(String enterpriseId, String documentId) {
        return jdbc.sql("select * from outbox where enterprise_id = ? and document_id = ? order by id").params(enterpriseId, documentId)
                .query(OutboxStore::row).list();
    }

    /** A document whose sending failed: dead-lettered, or retrying after failed attempts. */
    public record Trouble(String documentId, String messageType, String businessKey, OutboxRow outbox) {
    }

    /** An enterprise's sending trouble, newest first: {@code dead} the dead letters, otherwise those retrying. */
    public List<Trouble> troubles(String enterpriseId, boolean dead, int limit) {
        String which = dead ? "o.state = 'DEAD'" : "o.state = 'PENDING' and o.attempts > 0";
        return jdbc.sql("select o.id, o.enterprise_id, o.document_id, o.cop_msg_id, null as payload, o.attempts, o.state, o.last_error,"
                        + " o.next_attempt_at, d.message_type, d.business_key from outbox o join document d on d.id = o.document_id"
                        + " where o.enterprise_id = ? and " + which + " order by o.id desc limit ?")
                .params(enterpriseId, limit)
                .query((rs, n) -> new Trouble(rs.getString("document_id"), rs.getString("message_type"), rs.getString("business_key"), row(rs, n)))
                .list();
    }

    /** How many of an enterprise's envelopes are dead ({@code DEAD}) and retrying ({@code RETRYING}). */
    public Map<String, Integer> troubleCounts(String enterpriseId) {
        Map<String, Integer> counts = new TreeMap<>(Map.of("DEAD", 0, "RETRYING", 0));
        jdbc.sql("select case when state = 'DEAD' then 'DEAD' else 'RETRYING' end as k, count(*) as n from outbox"
                        + " where enterprise_id = ? and (state = 'DEAD' or (state = 'PENDING' and attempts > 0)) group by case when state = 'DEAD'"
                        + " then 'DEAD' else 'RETRYING' end")
                .param(enterpriseId).query((rs, n) -> counts.put(rs.getString("k"), rs.getInt("n"))).list();
        return counts;
    }

    /** When the oldest envelope still waiting to be sent was queued; empty when none waits. */
    public java.util.Optional<Instant> oldestPending() {
        return jdbc.sql("select min(created_at) from outbox where state = 'PENDING'").query((rs, n) -> rs.getTimestamp(1)).optional()
                .filter(java.util.Objects::nonNull).map(Timestamp::toInstant);
    }

    public Map<String, Integer> countsByState() {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("select state, count(*) as n from outbox group by state")
                .query((rs, n) -> counts.put(rs.getString("state"), rs.getInt("n"))).list();
        return counts;
    }

    private static OutboxRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getString("enterprise_id"), rs.getString("document_id"), rs.getString("cop_msg_id"),
                StoredBytes.unpack(rs.getBytes("payload")), rs.getInt("attempts"), OutboxState.valueOf(rs.getString("state")), rs.getString("last_error"),
                rs.getTimestamp("next_attempt_at").toInstant());
    }
}

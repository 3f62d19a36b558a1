package io.cebgw.server.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Webhook subscriptions and their delivery queue: the outbox pattern again — a delivery is written in the transaction
 * that decided on it, workers claim due rows ({@code FOR UPDATE SKIP LOCKED} where the database has it) under a lease,
 * and every attempt is logged.
 */
public final class WebhookStore {
    /** Delivery states. */
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate tx;
    private final Dialect dialect;

    public WebhookStore(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.tx = tx;
        this.dialect = Dialect.of(dataSource);
    }

    /** A subscription: where to post which events, signed with its secret. */
    public record WebhookRow(String id, String enterpriseId, String url, List<String> events, String secret, String description,
                             boolean active, Instant createdAt) {
        public boolean wants(String eventType) {
            return active && (events.contains(eventType) || events.contains("*"));
        }
    }

    /** A delivery as the queue holds it; {@code url} and {@code secret} are its subscription's. */
    public record DeliveryRow(long id, String webhookId, String enterpriseId, String eventId, String eventType, String payload, String state,
                              int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                              Instant deliveredAt) {
    }

    /** A claimed delivery with what sending it needs. */
    public record Claimed(DeliveryRow delivery, String url, String secret) {
    }

    /** One attempt of a delivery: the receiver's HTTP status (null when none came back), the error in words, how long it took. */
    public record AttemptRow(long deliveryId, Instant at, Integer httpStatus, String error, int millis) {
    }

    /** A new delivery of an event to one subscription. */
    public record NewDelivery(String webhookId, String enterpriseId, String eventId, String eventType, String payload) {
    }

    public void insert(WebhookRow w) {
        jdbc.sql("insert into webhook (id, enterprise_id, url, events, secret, description, active, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(w.id(), w.enterpriseId(), w.url(), String.join(",", w.events()), w.secret(), w.description(), w.active(),
                        Timestamp.from(w.createdAt()))
                .update();
    }

    public Optional<WebhookRow> byId(String enterpriseId, String id) {
        return jdbc.sql("select * from webhook where enterprise_id = ? and id = ?").params(enterpriseId, id).query(WebhookStore::webhook).optional();
    }

    public List<WebhookRow> list(String enterpriseId) {
        return jdbc.sql("select * from webhook where enterprise_id = ? order by created_at, id").param(enterpriseId).query(WebhookStore::webhook).list();
    }

    /** Every active subscription of every enterprise (a short list, read once per round of events). */
    public List<WebhookRow> active() {
        return jdbc.sql("select * from webhook where active = true").query(WebhookStore::webhook).list();
    }

    /** Changes URL, events, description and whether it is active; the secret only when {@code secret} is not null. */
    public boolean update(WebhookRow w) {
        return jdbc.sql("update webhook set url = ?, events = ?, description = ?, active = ?, secret = coalesce(?, secret)"
                        + " where enterprise_id = ? and id = ?")
                .params(w.url(), String.join(",", w.events()), w.description(), w.active(), w.secret(), w.enterpriseId(), w.id())
                .update() == 1;
    }

    /** Removes a subscription and what it still had to deliver; its delivered and dead rows stay in the log. */
    public boolean delete(String enterpriseId, String id) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            jdbc.sql("delete from webhook_delivery where enterprise_id = ? and webhook_id = ? and state = 'PENDING'").params(enterpriseId, id).update();
            return jdbc.sql("delete from webhook where enterprise_id = ? and id = ?").params(enterpriseId, id).update() == 1;
        }));
    }

    /** Queues deliveries (one JDBC batch); runs inside the caller's transaction when there is one. */
    public void enqueue(List<NewDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        batches.batchUpdate(
                "insert into webhook_delivery (webhook_id, enterprise_id, event_id, event_type, payload, state, attempts, next_attempt_at, created_at)"
                        + " values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", deliveries, deliveries.size(), (ps, d) -> {
                    ps.setString(1, d.webhookId());
                    ps.setString(2, d.enterpriseId());
                    ps.setString(3, d.eventId());
                    ps.setString(4, d.eventType());
                    ps.setString(5, d.payload());
                    ps.setTimestamp(6, at);
                    ps.setTimestamp(7, at);
                });
    }

    /** Claims up to {@code limit} due deliveries for this worker, with their subscription's URL and secret. */
    public List<Claimed> claim(String workerId, Instant now, int limit) {
        return tx.execute(status -> {
            List<Long> ids = jdbc.sql("select id from webhook_delivery where state = 'PENDING' and claimed_by is null and next_attempt_at <= ?"
                            + " order by id limit ?" + dialect.lockClause())
                    .params(Timestamp.from(now), limit).query(Long.class).list();
            if (ids.isEmpty()) {
                return List.<Claimed>of();
            }
            jdbc.sql("update webhook_delivery set claimed_by = :worker, claimed_at = :now where id in (:ids)")
                    .param("worker", workerId).param("now", Timestamp.from(now)).param("ids", ids).update();
            return jdbc.sql("select d.*, w.url, w.secret from webhook_delivery d join webhook w on w.id = d.webhook_id where d.id in (:ids) order by d.id")
                    .param("ids", ids).query((rs, n) -> new Claimed(delivery(rs, n), rs.getString("url"), rs.getString("secret"))).list();
        });
    }

    /** The outcome of one attempt: delivered, retried at {@code next}, or dead-lettered; logged with the attempt. */
    public void attempted(long id, AttemptRow attempt, String state, Instant next) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("update webhook_delivery set state = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_by = null, claimed_at = null,"
                            + " last_status = ?, last_error = ?, delivered_at = ? where id = ?")
                    .params(state, Timestamp.from(next), attempt.httpStatus(), clip(attempt.error()),
                            DELIVERED.equals(state) ? Timestamp.from(attempt.at()) : null, id)
                    .update();
            jdbc.sql("insert into webhook_attempt (delivery_id, attempted_at, http_status, error, millis) values (?, ?, ?, ?, ?)")
                    .params(id, Timestamp.from(attempt.at()), attempt.httpStatus(), clip(attempt.error()), attempt.millis()).update();
        });
    }

    /** A live worker renews the lease on what it holds. */
    public int renewClaims(String workerId, Instant now) {
        return jdbc.sql("update webhook_delivery set claimed_at = ? where claimed_by = ?").params(Timestamp.from(now), workerId).update();
    }

    /** Frees the claims of a worker that died (not renewed since {@code staleBefore}). */
    public int sweep(Instant staleBefore) {
        return jdbc.sql("update webhook_delivery set claimed_by = null, claimed_at = null where claimed_by is not null and claimed_at < ?")
                .param(Timestamp.from(staleBefore)).update();
    }

    /** A subscription's deliveries, newest first; {@code state} null for all. */
    public List<DeliveryRow> deliveries(String enterpriseId, String webhookId, String state, int limit) {
        String sql = "select * from webhook_delivery where enterprise_id = ? and webhook_id = ?";
        return state == null
                ? jdbc.sql(sql + " order by id desc limit ?").params(enterpriseId, webhookId, limit).query(WebhookStore::delivery).list()
                : jdbc.sql(sql + " and state = ? order by id desc limit ?").params(enterpriseId, webhookId, state, limit).query(WebhookStore::delivery).list();
    }

    public Optional<DeliveryRow> delivery(String enterpriseId, long id) {
        return jdbc.sql("select * from webhook_delivery where enterprise_id = ? and id = ?").params(enterpriseId, id).query(WebhookStore::delivery).optional();
    }

    public List<AttemptRow> attempts(long deliveryId) {
        return jdbc.sql("select * from webhook_attempt where delivery_id = ? order by id").param(deliveryId)
                .query((rs, n) -> new AttemptRow(rs.getLong("delivery_id"), rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("http_status", Integer.class), rs.getString("error"), rs.getInt("millis"))).list();
    }

    /**
     * Sends deliveries again from the start (attempts counted afresh, the log kept): one ({@code deliveryId}), or all
     * dead ones of a subscription ({@code deliveryId} null). Returns how many.
     */
    public int replay(String enterpriseId, String webhookId, Long deliveryId, Instant now) {
        String sql = "update webhook_delivery set state = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = null, claimed_at = null"
                + " where enterprise_id = ? and webhook_id = ?";
        return deliveryId == null
                ? jdbc.sql(sql + " and state = 'DEAD'").params(Timestamp.from(now), enterpriseId, webhookId).update()
                : jdbc.sql(sql + " and id = ? and state <> 'PENDING'").params(Timestamp.from(now), enterpriseId, webhookId, deliveryId).update();
    }

    /** How many deliveries of an enterprise are in each state. */
    public java.util.Map<String, Integer> counts(String enterpriseId, String webhookId) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        jdbc.sql("select state, count(*) as n from webhook_delivery where enterprise_id = ? and webhook_id = ? group by state")
                .params(enterpriseId, webhookId).query((rs, n) -> out.put(rs.getString("state"), rs.getInt("n"))).list();
        return out;
    }

    /**
     * The position of a named cursor, locked until the caller's transaction ends: only one node turns events into
     * deliveries at a time.
     */
    public long lockCursor(String name) {
        return jdbc.sql("select position from event_cursor where name = ? for update").param(name).query(Long.class).single();
    }

    public void moveCursor(String name, long position) {
        jdbc.sql("update event_cursor set position = ? where name = ?").params(position, name).update();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static WebhookRow webhook(ResultSet rs, int n) throws SQLException {
        return new WebhookRow(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("url"),
                Arrays.stream(rs.getString("events").split(",")).filter(e -> !e.isBlank()).toList(), rs.getString("secret"),
                rs.getString("description"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    private static DeliveryRow delivery(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new DeliveryRow(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("enterprise_id"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("payload"), rs.getString("state"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
    }
}

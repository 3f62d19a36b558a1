package io.cebgw.server.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Every receipt received, matched or not, with what was done with it; and the status transitions it caused. */
public final class ReceiptStore {
    /** The status column of a receipt that names none (unreadable, or of no known type); the column is not null. */
    public static final String NO_STATUS = "?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public ReceiptStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
    }

    /**
     * @param outcome APPLIED, DUPLICATE, STALE (older than the current status), FINAL (document already final),
     *                UNMATCHED, GARBLED, EXCHANGE (a DxpRep), FORMAT (a CEB900)
     */
    public record ReceiptRow(String enterpriseId, String documentId, String messageType, String returnStatus, String returnTime,
                             String returnInfo, String copMsgId, String outcome, Instant receivedAt) {
    }

    /** A change of a document's status. */
    public record Transition(String documentId, String fromStatus, String toStatus, String returnTime, Instant at) {
    }

    /**
     * A status change of a document, numbered in the order it was recorded (the events feed and the webhooks), with the
     * receipt's returnInfo when a receipt caused it.
     */
    public record Event(long cursor, String enterpriseId, String documentId, String shipmentId, String messageType, String businessKey,
                        String fromStatus, String toStatus, String returnTime, String returnInfo, Instant at) {
    }

    /**
     * An enterprise's status changes after {@code cursor}, oldest first, recorded before {@code settledBefore} (a change
     * still being committed may carry a lower number than one already visible: the lag keeps a poller from skipping it).
     */
    public List<Event> eventsAfter(String enterpriseId, long cursor, Instant settledBefore, int limit) {
        return events(" and d.enterprise_id = ?", List.of(enterpriseId), cursor, settledBefore, limit);
    }

    /** Every enterprise's status changes after {@code cursor} (as {@link #eventsAfter}): what the webhooks are made of. */
    public List<Event> eventsAfter(long cursor, Instant settledBefore, int limit) {
        return events("", List.of(), cursor, settledBefore, limit);
    }

    /** The number of the newest status change recorded before {@code settledBefore}, 0 when none. */
    public long lastEventBefore(Instant settledBefore) {
        return jdbc.sql("select coalesce(max(id), 0) from status_transition where happened_at < ?").param(Timestamp.from(settledBefore))
                .query(Long.class).single();
    }

    private List<Event> events(String enterpriseFilter, List<Object> enterprise, long cursor, Instant settledBefore, int limit) {
        List<Object> params = new java.util.ArrayList<>(List.of(cursor, Timestamp.from(settledBefore)));
        params.addAll(enterprise);
        params.add(limit);
        return jdbc.sql("select t.id, d.enterprise_id, t.document_id, d.shipment_id, d.message_type, d.business_key, t.from_status, t.to_status,"
                        + " t.return_time, t.happened_at, (select r.return_info from receipt r where r.document_id = t.document_id"
                        + " and r.return_status = t.to_status and r.return_time = t.return_time order by r.id desc limit 1) as return_info"
                        + " from status_transition t join document d on d.id = t.document_id"
                        + " where t.id > ? and t.happened_at < ?" + enterpriseFilter + " order by t.id limit ?")
                .params(params)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getString("enterprise_id"), rs.getString("document_id"), rs.getString("shipment_id"),
                        rs.getString("message_type"), rs.getString("business_key"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("return_time"), rs.getString("return_info"), rs.getTimestamp("happened_at").toInstant())).list();
    }

    public void insert(ReceiptRow r) {
        insertAll(List.of(r));
    }

    /** Inserts the rows in order, as one JDBC batch. */
    public void insertAll(List<ReceiptRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate("insert into receipt (enterprise_id, document_id, message_type, return_status, return_time, return_info, cop_msg_id,"
                + " outcome, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, rows.size(), (ps, r) -> {
                    ps.setString(1, r.enterpriseId());
                    ps.setString(2, r.documentId());
                    ps.setString(3, r.messageType());
                    ps.setString(4, r.returnStatus());
                    ps.setString(5, r.returnTime());
                    ps.setString(6, r.returnInfo());
                    ps.setString(7, r.copMsgId());
                    ps.setString(8, r.outcome());
                    ps.setTimestamp(9, Timestamp.from(r.receivedAt()));
                });
    }

    public List<ReceiptRow> forDocument(String enterpriseId, String documentId) {
        return jdbc.sql("select * from receipt where enterprise_id = ? and document_id = ? order by id").params(enterpriseId, documentId)
                .query((rs, n) -> new ReceiptRow(rs.getString("enterprise_id"), rs.getString("document_id"), rs.getString("message_type"),
                        rs.getString("return_status"), rs.getString("return_time"), rs.getString("return_info"), rs.getString("cop_msg_id"),
                        rs.getString("outcome"), rs.getTimestamp("received_at").toInstant())).list();
    }

    /** Whether this exact receipt (status and time) was already received for the document. */
    public boolean seen(String documentId, String returnStatus, String returnTime) {
        return jdbc.sql("select count(*) from receipt where document_id = ? and return_status = ? and return_time = ?")
                .params(documentId, returnStatus, returnTime).query(Integer.class).single() > 0;
    }

    public void transition(Transition t) {
        transitionAll(List.of(t));
    }

    /** Inserts the transitions in order, as one JDBC batch. */
    public void transitionAll(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        batches.batchUpdate("insert into status_transition (document_id, from_status, to_status, return_time, happened_at) values (?, ?, ?, ?, ?)",
                transitions, transitions.size(), (ps, t) -> {
                    ps.setString(1, t.documentId());
                    ps.setString(2, t.fromStatus());
                    ps.setString(3, t.toStatus());
                    ps.setString(4, t.returnTime());
                    ps.setTimestamp(5, Timestamp.from(t.at()));
                });
    }

    public List<Transition> transitions(String documentId) {
        return jdbc.sql("select * from status_transition where document_id = ? order by id").param(documentId)
                .query((rs, n) -> new Transition(rs.getString("document_id"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("return_time"), rs.getTimestamp("happened_at").toInstant())).list();
    }

    /** Receipts retention may remove: received before the cutoff, of a document in its final state (or of none). */
    private static final String RETAINABLE = " from receipt where id <= ? and received_at < ?"
            + " and (document_id is null or exists (select 1 from document d where d.id = receipt.document_id and d.final_state = ?))";

    /** The newest receipt's id (0 when there is none): retention exports and purges up to it, so both see one set. */
    public long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from receipt").query(Long.class).single();
    }

    /** Each receipt row retention would remove (column → value, times as ISO instants), oldest first, a page at a time. */
    public void forEachRetainable(long upToId, Instant before, java.util.function.Consumer<java.util.Map<String, Object>> visitor) {
        long after = 0;
        while (true) {
            List<java.util.Map<String, Object>> page = jdbc.sql("select *" + RETAINABLE + " and id > ? order by id limit 1000")
                    .params(upToId, Timestamp.from(before), true, after).query().listOfRows();
            for (java.util.Map<String, Object> row : page) {
                java.util.Map<String, Object> plain = new java.util.LinkedHashMap<>();
                row.forEach((k, v) -> plain.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof Timestamp t ? t.toInstant().toString() : v));
                visitor.accept(plain);
                after = ((Number) plain.get("id")).longValue();
            }
            if (page.size() < 1000) {
                return;
            }
        }
    }

    /** Removes these receipt rows (in the caller's transaction); how many there were. */
    public int delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from receipt where id in (:ids)").param("ids", ids).update();
    }
}

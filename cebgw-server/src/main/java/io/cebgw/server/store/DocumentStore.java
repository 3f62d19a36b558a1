package io.cebgw.server.store;

import io.cebgw.core.lifecycle.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Documents. Every query names the enterprise: one enterprise never reads another's rows. */
public final class DocumentStore {
    /** appType of a new declaration: the one kind of document that holds its business key (unique while live). */
    private static final String NEW = "1";
    private final JdbcClient jdbc;
    private final DocumentCounts counts;

    public DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.counts = new DocumentCounts(jdbc);
    }

    /** The documents counted per enterprise, type and status. */
    public DocumentCounts counts() {
        return counts;
    }

    public void insert(DocumentRow d) {
        insert(d, null);
    }

    /** Inserts a document already in its shipment (one statement, no update after). */
    public void insert(DocumentRow d, String shipmentId) {
        String liveKey = NEW.equals(d.appType()) && Lifecycle.holdsKey(d.status()) ? d.businessKey() : null;
        jdbc.sql("insert into document (id, enterprise_id, message_type, business_key, guid, app_type, app_status, status, status_time,"
                        + " final_state, cop_msg_id, idempotency_key, findings, unsigned_xml, signed_xml, envelope, created_at, updated_at, live_key,"
                        + " shipment_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.enterpriseId(), d.messageType(), d.businessKey(), d.guid(), d.appType(), d.appStatus(), d.status(),
                        d.statusTime(), d.finalState(), d.copMsgId(), d.idempotencyKey(), d.findings(), StoredBytes.pack(d.unsignedXml()),
                        StoredBytes.pack(d.signedXml()), StoredBytes.pack(d.envelope()), Timestamp.from(d.createdAt()), Timestamp.from(d.updatedAt()), liveKey, shipmentId)
                .update();
        counts.add(d.id(), 1);
    }

    public Optional<DocumentRow> byId(String enterpriseId, String id) {
        return jdbc.sql("select * from document where enterprise_id = ? and id = ?").params(enterpriseId, id)
                .query(DocumentStore::row).optional();
    }

    public Optional<DocumentRow> byIdempotencyKey(String enterpriseId, String key) {
        return jdbc.sql("select * from document where enterprise_id = ? and idempotency_key = ?").params(enterpriseId, key)
                .query(DocumentStore::row).optional();
    }

    /** The documents of an enterprise with this type and business key, newest first. */
    public List<DocumentRow> byKey(String enterpriseId, String messageType, String businessKey) {
        return jdbc.sql("select * from document where enterprise_id = ? and message_type = ? and business_key = ? order by created_at desc, id")
                .params(enterpriseId, messageType, businessKey).query(DocumentStore::row).list();
    }

    /**
     * The document whose envelope carried this CopMsgId (any enterprise: receipts name no enterprise), without its
     * bytes, locked until the caller's transaction ends (receipts of one document apply one at a time).
     */
    public Optional<DocumentRow> lockByCopMsgId(String copMsgId) {
        return jdbc.sql("select " + STATE_COLUMNS + " from document where cop_msg_id = ? for update").param(copMsgId)
                .query(DocumentStore::state).optional();
    }

    /**
     * The enterprise's newest document with this type and business key (receipt matching), without its bytes, locked
     * until the caller's transaction ends.
     */
    public Optional<DocumentRow> lockNewestByKey(String enterpriseId, String messageType, String businessKey) {
        return jdbc.sql("select " + STATE_COLUMNS + " from document where enterprise_id = ? and message_type = ? and business_key = ?"
                        + " order by created_at desc, id limit 1 for update")
                .params(enterpriseId, messageType, businessKey).query(DocumentStore::state).optional();
    }

    /** A document's identity and state only (receipt processing never needs the bytes). */
    public Optional<DocumentRow> stateById(String id) {
        return jdbc.sql("select " + STATE_COLUMNS + " from document where id = ?").param(id).query(DocumentStore::state).optional();
    }

    /** The state of the documents of an enterprise with this type and key (no bytes). */
    public List<DocumentRow> statesByKey(String enterpriseId, String messageType, String businessKey) {
        return jdbc.sql("select " + STATE_COLUMNS + " from document where enterprise_id = ? and message_type = ? and business_key = ?")
                .params(enterpriseId, messageType, businessKey).query(DocumentStore::state).list();
    }

    private static final String STATE_COLUMNS = "id, enterprise_id, message_type, business_key, guid, app_type, app_status, status,"
            + " status_time, final_state, cop_msg_id, idempotency_key, created_at, updated_at";

    private static DocumentRow state(ResultSet rs, int n) throws SQLException {
        return new DocumentRow(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("message_type"), rs.getString("business_key"),
                rs.getString("guid"), rs.getString("app_type"), rs.getString("app_status"), rs.getString("status"), rs.getString("status_time"),
                rs.getBoolean("final_state"), rs.getString("cop_msg_id"), rs.getString("idempotency_key"), null, null, null, null,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** A page of an enterprise's documents, state only (no message bytes). */
    public List<DocumentRow> list(String enterpriseId, String messageType, String status, int limit, int offset) {
        return list(enterpriseId, new Filter(messageType, status, null, null, null), limit, offset);
    }

    /**
     * What a document list is narrowed to; null parts do not narrow.
     *
     * @param from   created at or after
     * @param until  created before
     * @param number part of the business key (order, list or waybill number …)
     */
    public record Filter(String messageType, String status, Instant from, Instant until, String number) {
        private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

        /** A filter as the pages and the API take it: blank means any, {@code from}/{@code to} are Beijing days, both included. */
        public static Filter of(String messageType, String status, java.time.LocalDate from, java.time.LocalDate to, String number) {
            return new Filter(blankToNull(messageType), blankToNull(status), from == null ? null : from.atStartOfDay(BEIJING).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(BEIJING).toInstant(), blankToNull(number));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** The status filter for drafts (not declared yet). */
    public static final String DRAFTS = "draft";
    /** The status filter for documents declared and not answered yet. */
    public static final String UNANSWERED = "none";

    /** A page of an enterprise's documents matching the filter, newest first, state only. */
    public List<DocumentRow> list(String enterpriseId, Filter filter, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + STATE_COLUMNS + " from document where enterprise_id = :e");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("e", enterpriseId);
        if (filter.messageType() != null) {
            sql.append(" and message_type = :t");
            params.put("t", filter.messageType());
        }
        if (DRAFTS.equals(filter.status())) {
            sql.append(" and status is null and cop_msg_id is null"); // "status is null": the status index finds them
        } else if (UNANSWERED.equals(filter.status())) {
            sql.append(" and status is null and cop_msg_id is not null");
        } else if (filter.status() != null) {
            sql.append(" and status = :s");
            params.put("s", filter.status());
        }
        if (filter.from() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            sql.append(" and created_at < :until");
            params.put("until", Timestamp.from(filter.until()));
        }
        if (filter.number() != null) {
            sql.append(" and business_key like :number");
            params.put("number", "%" + filter.number().replace("%", "").replace("_", "") + "%");
        }
        sql.append(" order by created_at desc, id limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(DocumentStore::state).list();
    }

    /** How many of an enterprise's documents are in each status ({@link #DRAFTS} not declared, {@link #UNANSWERED} no receipt yet). */
    public java.util.Map<String, Integer> countsByStatus(String enterpriseId) {
        return counts.byStatus(enterpriseId);
    }

    /** Declared, not final, and unchanged since {@code before}: documents waiting too long for a receipt. */
    public List<DocumentRow> waiting(String enterpriseId, Instant before, int limit) {
        return jdbc.sql("select " + STATE_COLUMNS + " from document where enterprise_id = ? and cop_msg_id is not null and final_state = false"
                        + " and updated_at < ? order by updated_at limit ?")
                .params(enterpriseId, Timestamp.from(before), limit).query(DocumentStore::state).list();
    }

    /** The documents of a shipment, state only, oldest first. */
    public List<DocumentRow> statesOfShipment(String shipmentId) {
        return jdbc.sql("select " + STATE_COLUMNS + " from document where shipment_id = ? order by created_at, id").param(shipmentId)
                .query(DocumentStore::state).list();
    }

    /**
     * Replaces a draft's content (never a declared document's: the row must have no CopMsgId). Its id, shipment and
     * creation time stay; its key moves with it (a clash with a live key raises DuplicateKeyException). True when done.
     */
    public boolean replaceDraft(String enterpriseId, String id, String businessKey, String guid, String appType, String findings,
                                byte[] unsignedXml, Instant now) {
        String liveKey = NEW.equals(appType) ? businessKey : null;
        return jdbc.sql("update document set business_key = ?, guid = ?, app_type = ?, findings = ?, unsigned_xml = ?, live_key = ?,"
                        + " updated_at = ? where enterprise_id = ? and id = ? and cop_msg_id is null")
                .params(businessKey, guid, appType, findings, StoredBytes.pack(unsignedXml), liveKey, Timestamp.from(now), enterpriseId, id).update() == 1;
    }

    /** Deletes a draft (never a declared document). True when it was one and is gone. */
    public boolean deleteDraft(String enterpriseId, String id) {
        int left = counts.leave(id, "cop_msg_id is null");
        if (jdbc.sql("delete from document where enterprise_id = ? and id = ? and cop_msg_id is null").params(enterpriseId, id).update() == 1) {
            return true;
        }
        if (left > 0) {
            counts.restore(id, DRAFTS); // another enterprise's id, or declared meanwhile: nothing was deleted
        }
        return false;
    }

    /** The enterprise's newest document of a type, state only (what its next one of the type likely repeats). */
    public Optional<DocumentRow> newestOfType(String enterpriseId, String messageType) {
        return jdbc.sql("select " + STATE_COLUMNS + " from document where enterprise_id = ? and message_type = ? order by created_at desc, id"
                        + " limit 1").params(enterpriseId, messageType).query(DocumentStore::state).optional();
    }

    /**
     * Stores a draft's signed message; false when it was declared meanwhile (by another request or another node's
     * shipment dispatcher): a draft is declared once.
     */
    public boolean signed(String id, byte[] signedXml, byte[] envelope, String copMsgId, Instant now) {
        int left = counts.leave(id, "cop_msg_id is null");
        if (jdbc.sql("update document set signed_xml = ?, envelope = ?, cop_msg_id = ?, updated_at = ? where id = ? and cop_msg_id is null")
                .params(StoredBytes.pack(signedXml), StoredBytes.pack(envelope), copMsgId, Timestamp.from(now), id).update() == 1) {
            counts.add(id, 1);
            return true;
        }
        if (left > 0) {
            counts.restore(id, DRAFTS); // declared meanwhile by another request: what leave() took is given back
        }
        return false;
    }

    /** Applies a receipt status; returns false when the row changed meanwhile (optimistic: status and time must match). */
    public boolean status(String id, String expectedStatus, String status, String statusTime, boolean finalState, Instant now) {
        String guard = expectedStatus == null ? "status is null" : "status = :expected";
        String freeKey = Lifecycle.holdsKey(status) ? "" : ", live_key = null"; // refused or failed: the key is free again
        JdbcClient.StatementSpec spec = jdbc.sql("update document set status = :status, status_time = :time, final_state = :final, updated_at = :now"
                        + freeKey + " where id = :id and " + guard)
                .param("status", status).param("time", statusTime).param("final", finalState).param("now", Timestamp.from(now)).param("id", id);
        if (expectedStatus != null) {
            spec = spec.param("expected", expectedStatus);
        }
        counts.add(id, -1); // the caller holds the row's lock: its key cannot change between here and the update
        if (spec.update() == 1) {
            counts.add(id, 1);
            return true;
        }
        counts.add(id, 1);
        return false;
    }

    static DocumentRow row(ResultSet rs, int n) throws SQLException {
        return new DocumentRow(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("message_type"), rs.getString("business_key"),
                rs.getString("guid"), rs.getString("app_type"), rs.getString("app_status"), rs.getString("status"), rs.getString("status_time"),
                rs.getBoolean("final_state"), rs.getString("cop_msg_id"), rs.getString("idempotency_key"), rs.getString("findings"),
                StoredBytes.unpack(rs.getBytes("unsigned_xml")), StoredBytes.unpack(rs.getBytes("signed_xml")), StoredBytes.unpack(rs.getBytes("envelope")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** Every enterprise's documents by type and status ("draft" not declared, "none" declared without a receipt yet). */
    public java.util.Map<List<String>, Integer> countsByTypeAndStatus() {
        return counts.byTypeAndStatus();
    }
}

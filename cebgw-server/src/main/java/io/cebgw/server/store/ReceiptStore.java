package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Every receipt received, matched or not, with what was done with it; and the status transitions it caused. */
public final class ReceiptStore {
    private final JdbcClient jdbc;

    public ReceiptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public void insert(ReceiptRow r) {
        jdbc.sql("insert into receipt (enterprise_id, document_id, message_type, return_status, return_time, return_info, cop_msg_id, outcome,"
                        + " received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.enterpriseId(), r.documentId(), r.messageType(), r.returnStatus(), r.returnTime(), r.returnInfo(), r.copMsgId(),
                        r.outcome(), Timestamp.from(r.receivedAt()))
                .update();
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
        jdbc.sql("insert into status_transition (document_id, from_status, to_status, return_time, happened_at) values (?, ?, ?, ?, ?)")
                .params(t.documentId(), t.fromStatus(), t.toStatus(), t.returnTime(), Timestamp.from(t.at())).update();
    }

    public List<Transition> transitions(String documentId) {
        return jdbc.sql("select * from status_transition where document_id = ? order by id").param(documentId)
                .query((rs, n) -> new Transition(rs.getString("document_id"), rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("return_time"), rs.getTimestamp("happened_at").toInstant())).list();
    }
}

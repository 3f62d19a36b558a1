package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shipments and which documents belong to them. */
public final class ShipmentStore {
    private final JdbcClient jdbc;

    public ShipmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A shipment: one consignment under one trade mode (empty while unknown), with the warnings found when it was created.
     *
     * @param autoDeclare true for a shipment created through the API: the gateway declares its drafts in order
     */
    public record ShipmentRow(String id, String enterpriseId, String tradeMode, String name, String warnings, Instant createdAt,
                              boolean autoDeclare) {
    }

    public void insert(ShipmentRow s) {
        jdbc.sql("insert into shipment (id, enterprise_id, trade_mode, name, warnings, created_at, auto_declare) values (?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.enterpriseId(), s.tradeMode(), s.name(), s.warnings(), Timestamp.from(s.createdAt()), s.autoDeclare())
                .update();
    }

    /** The shipments holding an enterprise's documents of a type and key (the partners a new document joins). */
    public List<String> shipmentsOf(String enterpriseId, String messageType, String businessKey) {
        return jdbc.sql("select distinct shipment_id from document where enterprise_id = ? and message_type = ? and business_key = ?"
                        + " and shipment_id is not null").params(enterpriseId, messageType, businessKey).query(String.class).list();
    }

    /** The shipments of these documents (of one enterprise), by document id; documents without one are left out. */
    public java.util.Map<String, ShipmentRow> ofDocuments(String enterpriseId, List<String> documentIds) {
        java.util.Map<String, ShipmentRow> out = new java.util.HashMap<>();
        if (documentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select d.id as document_id, s.* from document d join shipment s on s.id = d.shipment_id"
                        + " where d.enterprise_id = :e and s.enterprise_id = :e and d.id in (:ids)")
                .param("e", enterpriseId).param("ids", documentIds)
                .query(rs -> {
                    out.put(rs.getString("document_id"), row(rs, 0));
                });
        return out;
    }

    /** Sets the trade mode of a shipment that had none yet. */
    public void tradeModeIfUnknown(String id, String tradeMode) {
        jdbc.sql("update shipment set trade_mode = ? where id = ? and trade_mode = ''").params(tradeMode, id).update();
    }

    /** Moves a gateway-formed shipment's documents into another and drops it (an API shipment is never merged away). */
    public void merge(String enterpriseId, String from, String into) {
        int moved = jdbc.sql("delete from shipment where enterprise_id = ? and id = ? and auto_declare = false").params(enterpriseId, from).update();
        if (moved == 1) {
            jdbc.sql("update document set shipment_id = ? where enterprise_id = ? and shipment_id = ?").params(into, enterpriseId, from).update();
        }
    }

    public Optional<ShipmentRow> byId(String enterpriseId, String id) {
        return jdbc.sql("select * from shipment where enterprise_id = ? and id = ?").params(enterpriseId, id).query(ShipmentStore::row).optional();
    }

    /** An enterprise's shipments, newest first. */
    public List<ShipmentRow> list(String enterpriseId, int limit, int offset) {
        return jdbc.sql("select * from shipment where enterprise_id = ? order by created_at desc, id limit ? offset ?")
                .params(enterpriseId, limit, offset).query(ShipmentStore::row).list();
    }

    private static ShipmentRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ShipmentRow(rs.getString("id"), rs.getString("enterprise_id"), rs.getString("trade_mode"), rs.getString("name"),
                rs.getString("warnings"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("auto_declare"));
    }

    /** Shipments that still hold drafts waiting for their turn. */
    public List<String> withWaitingDrafts() {
        return jdbc.sql("select distinct d.shipment_id from document d join shipment s on s.id = d.shipment_id"
                        + " where s.auto_declare = true and d.cop_msg_id is null and d.final_state = false")
                .query(String.class).list();
    }

    /**
     * Marks that a shipment's "final" event is made, when every document in it is final and it was not marked before:
     * true exactly once per shipment, whichever node asks.
     */
    public boolean markFinalEvent(String shipmentId, Instant now) {
        return jdbc.sql("update shipment set final_event_at = ? where id = ? and final_event_at is null"
                        + " and not exists (select 1 from document d where d.shipment_id = ? and d.final_state = false)")
                .params(Timestamp.from(now), shipmentId, shipmentId).update() == 1;
    }
}

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

    /** A shipment: one consignment under one trade mode, with the warnings found when it was created. */
    public record ShipmentRow(String id, String enterpriseId, String tradeMode, String name, String warnings, Instant createdAt) {
    }

    public void insert(ShipmentRow s) {
        jdbc.sql("insert into shipment (id, enterprise_id, trade_mode, name, warnings, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.enterpriseId(), s.tradeMode(), s.name(), s.warnings(), Timestamp.from(s.createdAt())).update();
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
                rs.getString("warnings"), rs.getTimestamp("created_at").toInstant());
    }

    public void attach(String documentId, String shipmentId) {
        jdbc.sql("update document set shipment_id = ? where id = ?").params(shipmentId, documentId).update();
    }

    /** Shipments that still hold drafts waiting for their turn. */
    public List<String> withWaitingDrafts() {
        return jdbc.sql("select distinct shipment_id from document where shipment_id is not null and cop_msg_id is null and final_state = false")
                .query(String.class).list();
    }
}

package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The audit trail: appended, never changed. */
public final class AuditStore {
    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One thing done: when, for which enterprise, by whom (kind and name) from where, what, to what, in words. */
    public record AuditRow(long id, Instant at, String enterpriseId, String actorKind, String actor, String address, String action, String target,
                           String detail) {
    }

    public void append(AuditRow r) {
        jdbc.sql("insert into audit_event (at, enterprise_id, actor_kind, actor, address, action, target, detail) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(r.at()), r.enterpriseId(), r.actorKind(), clip(r.actor(), 100), clip(r.address(), 64), r.action(),
                        clip(r.target(), 100), clip(r.detail(), 1000))
                .update();
    }

    /** What was done to one object (a document, a key …) of an enterprise, oldest first. */
    public List<AuditRow> forTarget(String enterpriseId, String target) {
        return jdbc.sql("select * from audit_event where enterprise_id = ? and target = ? order by id").params(enterpriseId, target)
                .query(AuditStore::row).list();
    }

    /** An enterprise's trail between two instants, oldest first, at most {@code limit}. */
    public List<AuditRow> between(String enterpriseId, Instant from, Instant to, int limit) {
        return jdbc.sql("select * from audit_event where enterprise_id = ? and at >= ? and at < ? order by id limit ?")
                .params(enterpriseId, Timestamp.from(from), Timestamp.from(to), limit).query(AuditStore::row).list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static AuditRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditRow(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("enterprise_id"), rs.getString("actor_kind"),
                rs.getString("actor"), rs.getString("address"), rs.getString("action"), rs.getString("target"), rs.getString("detail"));
    }
}

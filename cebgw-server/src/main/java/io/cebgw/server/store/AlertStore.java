package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The alerts now firing, with when each began and was last sent. */
public final class AlertStore {
    private final JdbcClient jdbc;

    public AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A firing alert; {@code enterprise} is the DXPID it is about, or null. */
    public record Firing(String key, String enterprise, String zh, String en, Instant firstAt, Instant lastSentAt) {
    }

    public List<Firing> firing() {
        return jdbc.sql("select * from alert_state order by first_at").query((rs, n) -> new Firing(rs.getString("alert_key"), rs.getString("enterprise"),
                rs.getString("text_zh"), rs.getString("text_en"), rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_sent_at").toInstant())).list();
    }

    /** True when this node is the one that starts it (another may have just done so). */
    public boolean start(String key, String enterprise, String zh, String en, Instant now) {
        try {
            jdbc.sql("insert into alert_state (alert_key, enterprise, text_zh, text_en, first_at, last_sent_at) values (?, ?, ?, ?, ?, ?)")
                    .params(key, enterprise, clip(zh), clip(en), Timestamp.from(now), Timestamp.from(now)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    /** True when this node claims the repeat (the last send is still the one it read). */
    public boolean repeat(String key, Instant lastSentAt, Instant now) {
        return jdbc.sql("update alert_state set last_sent_at = ? where alert_key = ? and last_sent_at = ?")
                .params(Timestamp.from(now), key, Timestamp.from(lastSentAt)).update() == 1;
    }

    /** True when this node ends it. */
    public boolean end(String key) {
        return jdbc.sql("delete from alert_state where alert_key = ?").param(key).update() == 1;
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

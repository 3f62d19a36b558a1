package io.cebgw.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the planner's statistics of the gateway's tables fresh on a PostgreSQL whose autovacuum is off.
 *
 * <p>Without statistics, a statement prepared on a pooled connection while the tables were still small keeps the plan
 * chosen then — a sequential scan — as they grow: a key lookup that takes microseconds then takes hundreds of
 * milliseconds on that connection. Where autovacuum is off, the gateway warns at start and analyzes its own tables
 * once enough of their rows have changed, by the server's own autovacuum thresholds. It never vacuums: dead rows are
 * still the database administrator's to remove. On H2, MariaDB and a PostgreSQL with autovacuum it does nothing.
 */
public final class StatisticsKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsKeeper.class);
    /** The tables that grow with traffic. */
    private static final List<String> TABLES = List.of("document", "outbox", "receipt", "status_transition", "archive_entry", "shipment");

    private final JdbcClient jdbc;
    private final boolean active;

    StatisticsKeeper(JdbcClient jdbc, boolean active) {
        this.jdbc = jdbc;
        this.active = active;
    }

    /** A keeper that is active exactly when the database is PostgreSQL with autovacuum off (and then says so in the log). */
    public static StatisticsKeeper of(Dialect dialect, JdbcClient jdbc) {
        if (dialect != Dialect.POSTGRESQL) {
            return new StatisticsKeeper(jdbc, false);
        }
        Optional<String> warning = warning(jdbc.sql("select current_setting('autovacuum')").query(String.class).single());
        warning.ifPresent(LOG::warn);
        return new StatisticsKeeper(jdbc, warning.isPresent());
    }

    public boolean active() {
        return active;
    }

    /** Analyzes each table whose changed rows since its last analysis pass the server's threshold; returns their names. */
    public List<String> analyzeWhereDue() {
        if (!active) {
            return List.of();
        }
        List<String> due = jdbc.sql("""
                        select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                        where s.schemaname = current_schema() and s.relname = any(?)
                          and s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::int
                              + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
                        order by s.relname""")
                .param(TABLES.toArray(String[]::new)).query(String.class).list();
        for (String table : due) {
            jdbc.sql("analyze " + table).update(); // names from the fixed list above, never from input
        }
        return due;
    }

    /** The warning for this value of the {@code autovacuum} setting, if it needs one. */
    static Optional<String> warning(String autovacuum) {
        if (!"off".equalsIgnoreCase(autovacuum.trim())) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL 的 autovacuum 已关闭：网关会自行对它的表执行 ANALYZE 以保持查询计划正确，但不会 VACUUM；"
                + "请开启 autovacuum 或定期 VACUUM（见 docs/zh/install.md）。 / PostgreSQL's autovacuum is off: the gateway analyzes its "
                + "own tables to keep query plans right, but does not vacuum them; turn autovacuum on or vacuum regularly "
                + "(see docs/server.md).");
    }
}

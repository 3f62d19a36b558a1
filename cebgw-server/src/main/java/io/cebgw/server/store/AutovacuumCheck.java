package io.cebgw.server.store;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Warns at start when PostgreSQL's autovacuum is off. Without it no table is ever analyzed: a statement prepared on a
 * connection while the tables were still small keeps the plan chosen then (a sequential scan) as they grow, and the
 * gateway's lookups slow from microseconds to hundreds of milliseconds per request on that connection.
 */
public final class AutovacuumCheck {
    private static final Logger LOG = Logger.getLogger(AutovacuumCheck.class.getName());

    private AutovacuumCheck() {
    }

    /** Reads the setting (PostgreSQL only) and logs the warning when it is off; returns the warning if there is one. */
    public static Optional<String> run(Dialect dialect, JdbcClient jdbc) {
        if (dialect != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        Optional<String> warning = warning(jdbc.sql("select current_setting('autovacuum')").query(String.class).single());
        warning.ifPresent(LOG::warning);
        return warning;
    }

    /** The warning for this value of the {@code autovacuum} setting, if it needs one. */
    static Optional<String> warning(String autovacuum) {
        if (!"off".equalsIgnoreCase(autovacuum.trim())) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL 的 autovacuum 已关闭：表的统计信息不会更新，查询会随数据增长变慢。请开启 autovacuum，"
                + "或定期对网关的数据库执行 ANALYZE（见 docs/zh/install.md）。 / PostgreSQL's autovacuum is off: table statistics are "
                + "never refreshed and queries slow down as the data grows. Turn autovacuum on, or run ANALYZE on the gateway's "
                + "database regularly (see docs/server.md).");
    }
}

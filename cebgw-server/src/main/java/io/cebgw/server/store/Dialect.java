package io.cebgw.server.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The few places where the three databases differ: row claiming, the migration folder, reading the clock. */
public enum Dialect {
    H2("h2", " for update", "select extract(epoch from current_timestamp)"),
    POSTGRESQL("postgresql", " for update skip locked", "select extract(epoch from clock_timestamp())"),
    MARIADB("mariadb", " for update skip locked", "select unix_timestamp(now(3))");

    private final String migrations;
    private final String lockClause;
    private final String clockQuery;

    Dialect(String migrations, String lockClause, String clockQuery) {
        this.migrations = migrations;
        this.lockClause = lockClause;
        this.clockQuery = clockQuery;
    }

    /** The database's clock as seconds since 1970 (UTC, with a fraction), whatever the session's time zone. */
    public String clockQuery() {
        return clockQuery;
    }

    /** The Flyway location of this database's migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrations;
    }

    /** Appended to a select that claims rows: other relays skip what one relay holds, where the database can. */
    public String lockClause() {
        return lockClause;
    }

    public static Dialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("mariadb") || product.contains("mysql")) {
                return MARIADB;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("unsupported database: " + product + " (H2, PostgreSQL, MariaDB/MySQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}

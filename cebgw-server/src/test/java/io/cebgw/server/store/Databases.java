package io.cebgw.server.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three databases the repository tests run on: embedded H2, and the machine's PostgreSQL (127.0.0.1:5432,
 * trust auth) and MariaDB (127.0.0.1:3306, root). Each test gets a freshly migrated schema in database
 * {@code cebgw_test}. A missing server skips with a notice on a developer machine and fails with CI=true.
 */
public final class Databases {
    private static final AtomicInteger H2_NUMBER = new AtomicInteger();

    private Databases() {
    }

    public static DataSource h2() {
        return migrated(new DriverManagerDataSource("jdbc:h2:mem:cebgw" + H2_NUMBER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", ""));
    }

    public static DataSource postgres() {
        admin("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "",
                "select 'create database cebgw_test' where not exists (select from pg_database where datname = 'cebgw_test')", true);
        return migrated(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/cebgw_test", "postgres", ""));
    }

    /** An empty PostgreSQL database of this name (dropped and made again), for a whole gateway to migrate; its JDBC URL. */
    public static String freshPostgres(String name) {
        admin("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", "drop database if exists " + name + " with (force)", false);
        admin("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "", "create database " + name, false);
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    public static DataSource mariadb() {
        admin("jdbc:mariadb://127.0.0.1:3306/", "root", "", "create database if not exists cebgw_test", false);
        return migrated(new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:3306/cebgw_test", "root", ""));
    }

    private static void admin(String url, String user, String password, String sql, boolean postgresGexec) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            if (postgresGexec) {
                try (var rs = s.executeQuery(sql)) {
                    if (rs.next()) {
                        s.execute(rs.getString(1));
                    }
                }
            } else {
                s.execute(sql);
            }
        } catch (SQLException e) {
            String notice = url + " is not reachable (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(notice + "; CI=true, so the database tests must run", e);
            }
            System.err.println("NOTICE: skipping — " + notice);
            Assumptions.abort(notice);
        }
    }

    private static DataSource migrated(DataSource dataSource) {
        Dialect dialect = Dialect.of(dataSource);
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(dialect.migrationLocation()).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }
}

package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.server.demo.Demo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cebgw archive verify} on the demo's database: intact after the demo, broken after an edit. */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class ArchiveCommandIT {
    @TempDir
    Path data;

    private int archiveVerify(ByteArrayOutputStream out) {
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("cebgw");
        return CebgwCommand.run(new String[] {"archive", "verify", "--db-url", url}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new ArchiveCommand());
    }

    @Test
    void verifiesTheDemosArchiveAndFindsAnEdit() throws Exception {
        assertThat(Demo.run(new Demo.Options(data, 0, true, Duration.ofSeconds(60), 20),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Locale.ENGLISH)).isZero();
        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        assertThat(archiveVerify(intact)).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("存档完整");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("cebgw"), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("update archive_entry set content = X'00' where seq = 3");
        }
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        assertThat(archiveVerify(broken)).isEqualTo(1);
        assertThat(broken.toString(StandardCharsets.UTF_8)).contains("第 3 条");
    }
}

package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code cebgw archive export} says about a day it cannot read, before it opens anything. */
class ArchiveCommandTest {
    @Test
    void aDayThatIsNotOneIsToldInBothLanguages() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CebgwCommand.run(new String[] {"archive", "export", "--before", "2024-13-01"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ArchiveCommand());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2024-13-01").contains("不是日期").contains("YYYY-MM-DD")
                .doesNotContain("Exception");
    }
}

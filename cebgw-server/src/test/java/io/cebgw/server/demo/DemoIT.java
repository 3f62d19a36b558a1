package io.cebgw.server.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The same flow as {@code ./cebgw demo --once}: a fresh data folder, both shipments to their final statuses, twice. */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class DemoIT {
    @TempDir
    Path data;

    @Test
    void demoOnceReachesFinalStatusesOnAFreshFolderAndAgainOnTheSameOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Demo.run(new Demo.Options(data, 0, true, Duration.ofSeconds(60), 20), new PrintStream(out, true, StandardCharsets.UTF_8),
                Locale.CHINA);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("两票货物全部到达最终状态").contains("CEB603Message").contains("→ 结关（899）").contains("→ 海关入库（120）").contains("X-Api-Key: cgw_");
        String password = Files.readString(data.resolve("keys/demo.password")).strip();
        assertThat(password).hasSizeGreaterThan(10);
        assertThat(text).as("the key's password is never printed").doesNotContain(password);
        assertThat(data.resolve("cebgw.mv.db")).exists();

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(Demo.run(new Demo.Options(data, 0, true, Duration.ofSeconds(60), 20), new PrintStream(again, true, StandardCharsets.UTF_8),
                Locale.ENGLISH)).as(again.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("Both shipments reached their final statuses").contains("→ Cleared (899)");
    }
}

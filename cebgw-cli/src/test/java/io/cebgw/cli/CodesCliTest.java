package io.cebgw.cli;

import io.cebgw.core.codes.CodeTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.cebgw.cli.CliTest.cebgw;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code cebgw codes} lists and searches every table, the operator's own codes included; a bad file stops every command. */
class CodesCliTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() throws Exception {
        System.clearProperty("cebgw.code-tables");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "table,code,name_zh,name_en,status\n");
        CodeTables.configure(empty);
    }

    @Test
    void tablesAreListedAndSearchedByCodeOrName() {
        CliTest.Run all = cebgw("codes");
        assertThat(all.exit()).isZero();
        assertThat(all.out()).contains("currency").contains("customs-area").contains("不完整");
        CliTest.Run dollar = cebgw("codes", "currency", "美元");
        assertThat(dollar.exit()).isZero();
        assertThat(dollar.out()).contains("502");
        assertThat(cebgw("codes", "country", "united states").out()).contains("502");
        assertThat(cebgw("codes", "unit", "zzzz").exit()).isEqualTo(1);
        CliTest.Run unknown = cebgw("codes", "harbour");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("CEB-N003").contains("customs-area");
    }

    @Test
    void theOperatorsFileAddsPortsAndABadOneStopsEveryCommand() throws Exception {
        Path codes = dir.resolve("codes.csv");
        Files.writeString(codes, "table,code,name_zh,name_en,status\nport,LAX,洛杉矶,Los Angeles,\ncustoms-area,9999,示例海关,Example,\n",
                StandardCharsets.UTF_8);
        System.setProperty("cebgw.code-tables", codes.toString());
        assertThat(cebgw("codes", "port").out()).contains("LAX").contains("洛杉矶");
        assertThat(cebgw("codes", "customs-area", "9999").out()).contains("示例海关");

        Files.writeString(codes, "table,code,name_zh,name_en,status\nport,LAX,洛杉矶\n", StandardCharsets.UTF_8);
        CliTest.Run refused = cebgw("example", "CEB303");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.stderr()).contains("CEB-N002").contains("第 2 行");
        assertThat(refused.out()).isEmpty();
    }
}

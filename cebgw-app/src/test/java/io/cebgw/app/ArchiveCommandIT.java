package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.server.demo.Demo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cebgw archive verify}, {@code export} and {@code find} on the demo's database: intact after the demo, broken
 * after an edit; exported and removed, the chain still verifies across the file and the database, and a document's
 * signed message is found again in the export file.
 */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class ArchiveCommandIT {
    @TempDir
    Path data;

    private int archive(ByteArrayOutputStream out, String... args) {
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("cebgw");
        String[] all = new String[args.length + 4];
        all[0] = "archive";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db-url";
        all[args.length + 2] = url;
        all[args.length + 3] = "--export-folder=" + data.resolve("exports");
        return CebgwCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new ArchiveCommand());
    }

    private int archiveVerify(ByteArrayOutputStream out) {
        return archive(out, "verify");
    }

    @Test
    void verifiesTheDemosArchiveAndFindsAnEdit() throws Exception {
        assertThat(Demo.run(new Demo.Options(data, 0, true, Duration.ofSeconds(60), 20),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Locale.ENGLISH)).isZero();
        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        assertThat(archiveVerify(intact)).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("存档完整");
        byte[] original;
        String documentId;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("cebgw"), "sa", "");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select content from archive_entry where seq = 3");
            rs.next();
            original = rs.getBytes(1);
            rs = s.executeQuery("select document_id from archive_entry where direction = 'OUT' order by seq limit 1");
            rs.next();
            documentId = rs.getString(1);
            s.executeUpdate("update archive_entry set content = X'00' where seq = 3");
        }
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        assertThat(archiveVerify(broken)).isEqualTo(1);
        assertThat(broken.toString(StandardCharsets.UTF_8)).contains("存档被改动：第 3 条起").contains("条目内容被改动");
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(archive(refused, "export", "--before", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString())).as("a broken chain is not exported").isEqualTo(2);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("cebgw"), "sa", "");
             var restore = c.prepareStatement("update archive_entry set content = ? where seq = 3")) {
            restore.setBytes(1, original);
            restore.executeUpdate();
        }

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        assertThat(archive(exported, "export", "--before", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString())).isZero();
        assertThat(exported.toString(StandardCharsets.UTF_8)).contains("已导出并从数据库删除").contains("cebgw-archive-000000000001-");
        ByteArrayOutputStream across = new ByteArrayOutputStream();
        assertThat(archiveVerify(across)).isZero();
        assertThat(across.toString(StandardCharsets.UTF_8)).contains("存档完整").containsPattern("其中 [1-9][0-9]* 条在导出文件中");

        // the export folder of another node that does not share it: the file is not there — not tampering, a file out of place
        Path file;
        try (var files = Files.list(data.resolve("exports"))) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        Path aside = Files.move(file, data.resolve(file.getFileName()));
        ByteArrayOutputStream outOfPlace = new ByteArrayOutputStream();
        assertThat(archiveVerify(outOfPlace)).isEqualTo(1);
        assertThat(outOfPlace.toString(StandardCharsets.UTF_8)).contains("存档无法校验").contains("导出文件不在导出目录中")
                .contains(file.getFileName().toString()).contains("共用目录").doesNotContain("被改动");
        Files.move(aside, file);

        ByteArrayOutputStream found = new ByteArrayOutputStream();
        assertThat(archive(found, "find", "--id", documentId, "--out", data.resolve("found").toString())).isZero();
        assertThat(found.toString(StandardCharsets.UTF_8)).contains("OUT").contains("位于 cebgw-archive-");
        assertThat(found.toString(StandardCharsets.UTF_8)).as("the demo's documents are final: their receipts were exported too")
                .containsPattern("回执 \\S+ \\S+").contains("回执已写入").as("and the received messages behind them").containsPattern("#\\d+ IN ");
        try (var files = Files.list(data.resolve("found"))) {
            Path message = files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow();
            assertThat(Files.readString(message)).contains("DxpMsg").contains("<Data>");
        }
        try (var files = Files.list(data.resolve("found"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith("-IN.xml"));
        }
        assertThat(Files.readString(data.resolve("found").resolve("receipts-" + documentId + ".jsonl"))).contains("\"return_status\"")
                .contains("\"document_id\":\"" + documentId + "\"");
        assertThat(archive(new ByteArrayOutputStream(), "find", "--id", "no-such-document")).isEqualTo(1);
    }
}

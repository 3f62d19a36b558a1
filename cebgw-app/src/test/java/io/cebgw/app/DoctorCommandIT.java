package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import io.cebgw.server.GatewayApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cebgw doctor} and {@code cebgw archive verify} as an operator runs them, on the settings file {@code serve}
 * reads: a healthy deployment passes (exit 0); a wrong broker password, an unreachable database, a bad setting and an
 * unknown enterprise each fail with the problem and what to do (exit 1), in Chinese or English, without a stack trace
 * or the password.
 */
@Tag("slow") // starts the gateway's context for each run: failsafe
class DoctorCommandIT {
    @TempDir
    Path dir;

    private record Ran(int code, String out, String err) {
    }

    @Test
    void aHealthyDeploymentPassesAndArchiveVerifyReadsTheSameFile() throws Exception {
        Path config = config("");
        try (var migrated = GatewayApplication.start("--spring.config.additional-location=file:" + config,
                "--spring.main.web-application-type=none", "--cebgw.workers=false")) {
            assertThat(migrated.isActive()).isTrue();
        }
        Ran doctor = run("doctor", "--config", config.toString());
        assertThat(doctor.code()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("结果").contains("通过  数据库").contains("数据库版本").contains("已是最新").contains("default (folder)")
                .contains("全部通过").doesNotContain("失败");
        assertThat(doctor.out().lines().filter(l -> l.startsWith("通过")).count()).isGreaterThanOrEqualTo(6);

        Ran verify = run("archive", "verify", "--config", config.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("存档完整").contains(dir.resolve("db").toString());

        Ran english = run("--lang", "en", "doctor", "--config", config.toString(), "--enterprise", "DXPENT0000099999");
        assertThat(english.code()).isEqualTo(1);
        assertThat(english.out()).contains("FAIL").contains("no such enterprise").contains("→ check the DXPID").contains("1 failed");
    }

    @Test
    void aBrokerThatRefusesThePasswordFailsWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("mq.pw"), "not-the-password\n");
        Path config = config("cebgw.transport.type=amqp\ncebgw.transport.uri=amqp://127.0.0.1:5672\ncebgw.transport.user=guest\n"
                + "cebgw.transport.password.file=" + dir.resolve("mq.pw") + "\ncebgw.transport.queues=cebgw.doctor." + UUID.randomUUID() + "\n");
        Ran doctor = run("doctor", "--config", config.toString());
        assertThat(doctor.code()).as(doctor.out() + doctor.err()).isEqualTo(1);
        assertThat(doctor.out()).contains("失败  传输").contains("CEB-T020").contains("→ 改正传输配置中的用户名和密码")
                .doesNotContain("not-the-password").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableDatabaseOrABadSettingIsOneRowNamingIt() throws Exception {
        Ran database = run("doctor", "--config", config("").toString(), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/cebgw");
        assertThat(database.code()).as(database.out() + database.err()).isEqualTo(1);
        assertThat(database.out()).contains("失败  配置").contains("数据库无法连接").doesNotContain("\tat ");
        assertThat(database.err()).doesNotContain("\tat ").doesNotContain("APPLICATION FAILED");

        Ran setting = run("doctor", "--config", config("cebgw.poll-interval=soon\n").toString());
        assertThat(setting.code()).isEqualTo(1);
        assertThat(setting.out()).contains("设置无效 / invalid setting: cebgw.poll-interval=soon");

        Ran archive = run("archive", "verify", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/cebgw");
        assertThat(archive.code()).isEqualTo(2);
        assertThat(archive.err()).contains("数据库无法连接").doesNotContain("\tat ");
    }

    private Path config(String more) throws Exception {
        Path file = dir.resolve("application-" + UUID.randomUUID() + ".properties");
        Files.writeString(file, "spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").resolve("cebgw") + "\n"
                + "cebgw.exchange-folder=" + dir.resolve("exchange") + "\n" + more);
        return file;
    }

    private static Ran run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        int code = CebgwCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ServeCommand(), new DoctorCommand(), new ArchiveCommand());
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

package io.cebgw.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cebgw sandbox selftest}: the joint-test checklist run and its exit codes. */
@Tag("slow") // full joint-test flows: runs under failsafe (mvn verify)
class SandboxCliIT {
    @TempDir
    Path dir;
    private String out;
    private String err;

    private int run(String... args) {
        CliTest.Run r = CliTest.cebgw(args); // also asserts that no stack trace was printed
        out = r.out();
        err = r.stderr();
        return r.exit();
    }

    @Test
    void selfTestWithAGeneratedEnterprisePasses() {
        assertThat(run("sandbox", "selftest", "--timeout", "30")).as(out + err).isZero();
        assertThat(out).contains("结论：通过").contains("CEB603Message").doesNotContain("FAIL");
        assertThat(out.lines().filter(l -> l.startsWith("PASS"))).hasSize(12);
    }

    @Test
    void selfTestWithTheEnterprisesOwnKeyWritesAReport() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "selftest-pw\n");
        assertThat(run("keygen", "--alg", "rsa", "--subject", "CN=Own,C=CN", "-o", dir.resolve("own.p12").toString(),
                "--password-file", pw.toString())).isZero();
        assertThat(run("--lang", "en", "sandbox", "selftest", "--key", dir.resolve("own.p12").toString(), "--password-file", pw.toString(),
                "--dxp-id", "DXPENT0000077777", "--customs-code", "3301960001", "-o", dir.resolve("report.txt").toString())).as(out + err).isZero();
        assertThat(Files.readString(dir.resolve("report.txt"))).contains("RESULT: PASSED").contains("DXPENT0000077777");
    }

    @Test
    void selfTestOverAmqp() {
        int code = run("sandbox", "selftest", "--transport", "amqp", "--timeout", "30");
        if (code == ExitCode.UNREADABLE && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            System.err.println("NOTICE: skipping — RabbitMQ is not reachable: " + err);
            org.junit.jupiter.api.Assumptions.abort("RabbitMQ is not reachable");
        }
        assertThat(code).as(out + err).isZero();
        assertThat(err).contains("amqp://").contains("127.0.0.1");
        assertThat(out.lines().filter(l -> l.startsWith("PASS"))).hasSize(12);
    }

    @Test
    void selfTestOverRegionalHttp() {
        assertThat(run("sandbox", "selftest", "--transport", "http", "--timeout", "30")).as(out + err).isZero();
        assertThat(err).contains("http:http://127.0.0.1:");
        assertThat(out.lines().filter(l -> l.startsWith("PASS"))).hasSize(12);
    }

    @Test
    void selfTestOverAs2() {
        assertThat(run("sandbox", "selftest", "--transport", "as2", "--timeout", "30")).as(out + err).isZero();
        assertThat(err).contains("as2:DXPENT0000012345");
        assertThat(out.lines().filter(l -> l.startsWith("PASS"))).hasSize(12);
    }

    @Test
    void selfTestOverJmsWithAConfigurationFile() throws Exception {
        try (io.cebgw.transport.jms.EmbeddedArtemis broker = new io.cebgw.transport.jms.EmbeddedArtemis()) {
            Path config = dir.resolve("jms.properties");
            Files.writeString(config, "type=jms\nfactory=" + io.cebgw.transport.jms.EmbeddedArtemis.FACTORY + "\nurl=" + broker.tcpUrl()
                    + "\nqueues=CEB.SELFTEST\n");
            assertThat(run("sandbox", "selftest", "--transport", "jms", "--transport-config", config.toString(), "--timeout", "30"))
                    .as(out + err).isZero();
            assertThat(err).contains(broker.tcpUrl());
            assertThat(out.lines().filter(l -> l.startsWith("PASS"))).hasSize(12);
        }
    }

    @Test
    void selfTestOverJmsWithoutAConfigurationUsesAnEmbeddedBroker() {
        assertThat(run("sandbox", "selftest", "--transport", "jms", "--timeout", "30")).as(out + err).isZero();
        assertThat(err).contains("vm://0");
        assertThat(out.lines().filter(l -> l.startsWith("PASS"))).hasSize(12);
    }

    @Test
    void aSelfTestLeavesNoTemporaryFolderBehind() throws Exception {
        java.util.Set<String> before = selfTestFolders();
        assertThat(run("sandbox", "selftest", "--timeout", "30")).as(out + err).isZero();
        assertThat(run("sandbox", "selftest", "--transport", "as2", "--timeout", "30")).as(out + err).isZero();
        assertThat(selfTestFolders()).isSubsetOf(before);
    }

    private static java.util.Set<String> selfTestFolders() throws java.io.IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cebgw-selftest")).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void failingStepsGiveExitCodeOneAndBadArgumentsTwo() {
        assertThat(run("sandbox", "selftest", "--timeout", "0")).isEqualTo(ExitCode.FINDINGS);
        assertThat(out).contains("FAIL").contains("未通过");
        assertThat(run("sandbox", "selftest", "--transport", "pigeon")).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).contains("CEB-T005");
        assertThat(run("sandbox", "selftest", "--transport", "amqp", "--amqp-uri", "amqp://guest:guest@127.0.0.1:5672")).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).contains("CEB-T004").doesNotContain("guest:guest");
        assertThat(run("sandbox", "selftest", "--transport", "amqp", "--amqp-uri", "amqp://127.0.0.1:1")).isEqualTo(ExitCode.UNREADABLE);
        assertThat(err).contains("传输不可用");
    }
}

package io.cebgw.app;

import io.cebgw.cli.CebgwCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cebgw serve} with a default transport whose broker refuses the password (the machine's RabbitMQ): one line
 * naming the problem and the settings, exit 2 — not "internal error", not a stack trace on the command's error stream.
 */
@Tag("slow") // starts the whole gateway: runs under failsafe (mvn verify)
class ServeCommandIT {
    @TempDir
    Path dir;

    @Test
    void aRefusedPasswordIsOneLineAndExit2() throws Exception {
        Files.writeString(dir.resolve("mq.pw"), "not-the-password\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CebgwCommand.run(new String[] {"serve", "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:serve" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--cebgw.exchange-folder=" + dir.resolve("exchange"), "--cebgw.transport.type=amqp",
                        "--cebgw.transport.uri=amqp://127.0.0.1:5672", "--cebgw.transport.user=guest",
                        "--cebgw.transport.password.file=" + dir.resolve("mq.pw"), "--cebgw.transport.queues=cebgw.serve." + UUID.randomUUID()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new DemoCommand(), new ServeCommand(), new ArchiveCommand());
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said).isEqualTo(2);
        assertThat(said).contains("cebgw serve: 无法启动 / cannot start:").contains("CEB-T020").doesNotContain("内部错误").doesNotContain("\tat ")
                .doesNotContain("not-the-password");
        assertThat(said.lines().filter(l -> !l.isBlank()).count()).as("one line").isEqualTo(1);
    }
}

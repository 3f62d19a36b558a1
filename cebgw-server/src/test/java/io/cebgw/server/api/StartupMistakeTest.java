package io.cebgw.server.api;

import io.cebgw.server.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A default transport whose broker refuses the password stops the start-up with the problem in words and where to
 * mend it — no stack trace, no "internal error" (the machine's RabbitMQ refuses a wrong password for guest); so does a
 * setting that cannot work, naming it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMistakeTest {
    @Test
    void aRefusedPasswordOnTheDefaultTransportIsOneClearReport(CapturedOutput output) throws Exception {
        Path dir = Files.createTempDirectory("cebgw-startup");
        Files.writeString(dir.resolve("mq.pw"), "not-the-password\n");
        assertThatThrownBy(() -> GatewayApplication.start("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:startup" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--cebgw.transport.type=amqp", "--cebgw.transport.uri=amqp://127.0.0.1:5672", "--cebgw.transport.user=guest",
                "--cebgw.transport.password.file=" + dir.resolve("mq.pw"), "--cebgw.transport.queues=cebgw.startup." + UUID.randomUUID()))
                .isNotNull();
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains("CEB-T020").contains("cebgw.transport.*")
                .doesNotContain("\tat io.cebgw").doesNotContain("not-the-password");
    }

    @Test
    void anXsdFolderWithoutTheSchemasIsNamedAtStartUp(CapturedOutput output) throws Exception {
        Path empty = Files.createTempDirectory("cebgw-no-xsd");
        assertThat(refusedStart(output, "--cebgw.xsd-folder=" + empty)).contains("invalid setting: cebgw.xsd-folder=" + empty).contains("ceb-export.xsd");
    }

    @Test
    void alertMailWithoutAnSmtpServerIsNamedAtStartUp(CapturedOutput output) throws Exception {
        assertThat(refusedStart(output, "--cebgw.alerts.email.to=ops@example.com")).contains("invalid setting: cebgw.alerts.email.to")
                .contains("spring.mail.host");
    }

    @Test
    void aRetentionWithoutItsUnitIsNamedAtStartUp(CapturedOutput output) throws Exception {
        assertThat(refusedStart(output, "--cebgw.retention.keep=1095")).as("1095 would be milliseconds: everything out of the database within the hour")
                .contains("invalid setting: cebgw.retention.keep=1095").contains("至少 1 天").contains("1095d");
    }

    /** What a gateway with this setting (besides an embedded database) said when it refused to start; never a stack trace. */
    private static String refusedStart(CapturedOutput output, String setting) throws Exception {
        Path dir = Files.createTempDirectory("cebgw-startup");
        assertThatThrownBy(() -> GatewayApplication.start("--server.port=0", "--cebgw.workers=false",
                "--spring.datasource.url=jdbc:h2:mem:startup" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--cebgw.exchange-folder=" + dir.resolve("exchange"), setting)).isNotNull();
        String said = output.getOut() + output.getErr();
        assertThat(said).doesNotContain("\tat io.cebgw");
        return said;
    }
}

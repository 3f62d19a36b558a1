package io.cebgw.server;

import io.cebgw.core.transport.TransportSpec;
import io.cebgw.server.document.Signers;
import io.cebgw.server.ops.AlertChannel;
import io.cebgw.server.ops.ArchiveProbe;
import io.cebgw.server.ops.RetentionPolicy;
import io.cebgw.server.ops.EnterpriseAlertChannels;
import io.cebgw.server.ops.MailChannel;
import io.cebgw.server.ops.RobotChannel;
import io.cebgw.server.ops.SettingMistake;
import io.cebgw.server.ops.AlertRules;
import io.cebgw.server.ops.Alerting;
import io.cebgw.server.ops.Doctor;
import io.cebgw.server.ops.GatewayMeters;
import io.cebgw.server.ops.SigningKeysHealth;
import io.cebgw.server.ops.TransportsHealth;
import io.cebgw.server.store.AlertStore;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.Dialect;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.OutboxStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Health (readiness: transports, signing keys), the gateway's meters, alerts and {@code cebgw doctor} (docs/zh/ops.md). */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {
    @Bean("transportsHealthIndicator")
    TransportsHealth transportsHealth(EnterpriseStore enterprises, GatewayProperties properties) {
        return new TransportsHealth(enterprises, properties.transportSpec());
    }

    @Bean("signingKeysHealthIndicator")
    SigningKeysHealth signingKeysHealth(EnterpriseStore enterprises, Signers signers, Clock clock) {
        return new SigningKeysHealth(enterprises, signers, clock);
    }

    @Bean
    GatewayMeters gatewayMeters(DocumentStore documents, OutboxStore outbox, SigningKeysHealth keys, Clock clock) {
        return new GatewayMeters(documents, outbox, keys, clock);
    }

    @Bean
    Doctor doctor(DataSource dataSource, Dialect dialect, GatewayProperties properties, EnterpriseStore enterprises, Signers signers, Archive archive,
                  RetentionPolicy retention, Clock clock, Environment env) {
        TransportSpec transport = properties.transportSpec();
        Set<Path> folders = new LinkedHashSet<>(List.of(Path.of("."), properties.exchangeFolder()));
        if (transport.get("root") != null) {
            folders.add(Path.of(transport.get("root")));
        }
        if (retention.keep().isPresent()) {
            folders.add(archive.exportFolder());
        }
        return new Doctor(new Doctor.Setup(dataSource, dialect, transport, properties.xsdFolder(), List.copyOf(folders),
                env.getProperty("cebgw.doctor.min-free-disk", DataSize.class, DataSize.ofMegabytes(256)).toBytes()), enterprises, signers,
                new ArchiveProbe(archive, retention.keep()), clock);
    }

    @Bean
    Alerting alerting(EnterpriseStore enterprises, DocumentStore documents, OutboxStore outbox, TransportsHealth transports,
                      SigningKeysHealth keys, RetentionPolicy retention, JdbcClient jdbc, Clock clock, Environment env, ObjectProvider<JavaMailSender> mailSender) {
        JavaMailSender smtp = mailSender.getIfAvailable();
        String from = env.getProperty("cebgw.alerts.email.from", env.getProperty("spring.mail.username", "cebgw@localhost"));
        Function<List<String>, AlertChannel> mail = smtp == null ? null : to -> new MailChannel(smtp, from, to);
        List<AlertChannel> channels = new ArrayList<>();
        for (String type : List.of("dingtalk", "wecom", "feishu", "webhook")) {
            String url = env.getProperty("cebgw.alerts." + type + ".url");
            if (url != null && !url.isBlank()) {
                channels.add(new RobotChannel(type, url.strip(), env.getProperty("cebgw.alerts." + type + ".secret")));
            }
        }
        List<String> to = Arrays.stream(env.getProperty("cebgw.alerts.email.to", "").split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
        if (!to.isEmpty()) {
            if (mail == null) {
                throw new SettingMistake("cebgw.alerts.email.to", "需要邮件服务器：spring.mail.host（以及端口、用户名、密码）",
                        "needs an SMTP server: spring.mail.host (and port, username, password)");
            }
            channels.add(mail.apply(to));
        }
        AlertRules rules = new AlertRules(enterprises, documents, outbox, transports, keys, retention, clock,
                new AlertRules.Limits(env.getProperty("cebgw.alerts.receipt-overdue", Duration.class, Duration.ofMinutes(30)), overdueByType(env),
                        env.getProperty("cebgw.alerts.outbox-age", Duration.class, Duration.ofMinutes(10)),
                        env.getProperty("cebgw.alerts.transport-failing", Duration.class, Duration.ofMinutes(5)),
                        env.getProperty("cebgw.alerts.selftest-max-age", Duration.class, Duration.ofDays(30))));
        return new Alerting(rules, new AlertStore(jdbc), channels, new EnterpriseAlertChannels(enterprises, mail, System::getenv),
                env.getProperty("cebgw.alerts.repeat", Duration.class, Duration.ofHours(4)), clock);
    }

    /** {@code cebgw.alerts.receipt-overdue.CEB603=2h}: a threshold for one message type. */
    private static java.util.Map<String, Duration> overdueByType(Environment env) {
        java.util.Map<String, Duration> byType = new java.util.TreeMap<>();
        for (io.cebgw.core.spec.MessageType type : io.cebgw.core.spec.MessageType.values()) {
            Duration d = env.getProperty("cebgw.alerts.receipt-overdue." + type.name(), Duration.class);
            if (d != null) {
                byType.put(type.name(), d);
            }
        }
        return byType;
    }
}

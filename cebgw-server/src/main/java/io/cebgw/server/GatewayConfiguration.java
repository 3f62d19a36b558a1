package io.cebgw.server;

import io.cebgw.core.transport.End;
import io.cebgw.core.transport.TransportException;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.sandbox.Registry;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.sandbox.SandboxConfig;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.Signers;
import io.cebgw.server.flow.EnterpriseTransports;
import io.cebgw.server.flow.OutboxRelay;
import io.cebgw.server.flow.ReceiptProcessor;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.ArchiveStore;
import io.cebgw.server.store.Dialect;
import io.cebgw.server.store.DocumentStore;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.OutboxStore;
import io.cebgw.server.store.ReceiptStore;
import io.cebgw.server.store.StatisticsKeeper;
import io.cebgw.transports.TransportCatalog;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/** The gateway's parts and how they connect; nothing here knows the web layer. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {
    /**
     * The operator's code-table file ({@code cebgw.code-tables}, or {@code CEBGW_CODE_TABLES}), checked at start: the
     * validator, the entry forms' pickers and the sandbox use the shipped tables with it. A bad file stops the start,
     * naming the line at fault.
     */
    @Bean
    io.cebgw.core.codes.CodeTables codeTables(@org.springframework.beans.factory.annotation.Value("${cebgw.code-tables:}") String file) {
        if (file == null || file.isBlank()) {
            return io.cebgw.core.codes.CodeTables.standard();
        }
        try {
            return io.cebgw.core.codes.CodeTables.configure(java.nio.file.Path.of(file));
        } catch (io.cebgw.core.codes.CodeTableException e) {
            throw new IllegalStateException(e.problem().describe(java.util.Locale.CHINA) + " / " + e.problem().describe(java.util.Locale.ENGLISH));
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Dialect dialect(DataSource dataSource) {
        return Dialect.of(dataSource);
    }

    @Bean
    StatisticsKeeper statisticsKeeper(Dialect dialect, JdbcClient jdbc) {
        return StatisticsKeeper.of(dialect, jdbc);
    }

    /** Migrations per database; MySQL shares MariaDB's. */
    @Bean
    FlywayConfigurationCustomizer migrationsPerDatabase(DataSource dataSource) {
        return config -> config.locations(Dialect.of(dataSource).migrationLocation());
    }

    @Bean
    io.cebgw.server.document.JointSelfTest jointSelfTest(Signers signers, EnterpriseStore enterprises, Clock clock, GatewayProperties properties) {
        return new io.cebgw.server.document.JointSelfTest(signers, enterprises, clock, properties.transportSpec());
    }

    @Bean
    EnterpriseStore enterpriseStore(JdbcClient jdbc) {
        return new EnterpriseStore(jdbc);
    }

    /** BCrypt for new passwords, every known encoding accepted ({id}-prefixed). */
    @Bean
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder() {
        return org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    io.cebgw.server.store.UserStore userStore(JdbcClient jdbc) {
        return new io.cebgw.server.store.UserStore(jdbc);
    }

    @Bean
    io.cebgw.server.document.WebUsers webUsers(io.cebgw.server.store.UserStore users,
                                               org.springframework.security.crypto.password.PasswordEncoder encoder, Clock clock) {
        return new io.cebgw.server.document.WebUsers(users, encoder, clock);
    }

    @Bean
    io.cebgw.server.excel.DocumentImport documentImport(DocumentService documents, TransactionTemplate tx, Clock clock) {
        return new io.cebgw.server.excel.DocumentImport(documents, tx, clock);
    }

    @Bean
    DocumentStore documentStore(JdbcClient jdbc) {
        return new DocumentStore(jdbc);
    }

    @Bean
    OutboxStore outboxStore(JdbcClient jdbc, TransactionTemplate tx, Dialect dialect) {
        return new OutboxStore(jdbc, tx, dialect);
    }

    @Bean
    ReceiptStore receiptStore(javax.sql.DataSource dataSource) {
        return new ReceiptStore(dataSource);
    }

    @Bean
    ArchiveStore archiveStore(javax.sql.DataSource dataSource) {
        return new ArchiveStore(dataSource);
    }

    /** The archive; its retention exports go to {@code cebgw.archive.export-folder} (default data/archive-export). */
    @Bean
    Archive archive(ArchiveStore store, TransactionTemplate tx,
                    @org.springframework.beans.factory.annotation.Value("${cebgw.archive.export-folder:data/archive-export}") java.nio.file.Path exports) {
        return new Archive(store, tx, exports);
    }

    @Bean
    io.cebgw.server.store.ArchiveRetention archiveRetention(ArchiveStore store, ReceiptStore receipts, TransactionTemplate tx, Archive archive,
                                                            Clock clock) {
        return new io.cebgw.server.store.ArchiveRetention(store, receipts, tx, archive.exportFolder(), clock);
    }

    /** {@code cebgw.retention.keep}: how long archive entries and receipts of final documents stay in the database (off when unset). */
    @Bean
    io.cebgw.server.ops.RetentionPolicy retentionPolicy(io.cebgw.server.store.ArchiveRetention retention, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${cebgw.retention.keep:}") String keep) {
        return new io.cebgw.server.ops.RetentionPolicy(retention, keep.isBlank() ? null : retentionKeep(keep.strip()), clock);
    }

    /** At least a day: a number without a unit is milliseconds to Spring, and would move everything out of the database. */
    private static java.time.Duration retentionKeep(String keep) {
        java.time.Duration parsed;
        try {
            parsed = org.springframework.boot.convert.DurationStyle.detectAndParse(keep);
        } catch (IllegalArgumentException e) {
            throw new io.cebgw.server.ops.SettingMistake("cebgw.retention.keep=" + keep, "应为带单位的时长，如 1095d（三年）",
                    "a duration with its unit, e.g. 1095d (three years)");
        }
        if (parsed.compareTo(java.time.Duration.ofDays(1)) < 0) {
            throw new io.cebgw.server.ops.SettingMistake("cebgw.retention.keep=" + keep, "至少 1 天，并写上单位（如 1095d 表示三年）：不带单位的数字是毫秒",
                    "at least 1d, with its unit (e.g. 1095d for three years): a number without a unit is milliseconds");
        }
        return parsed;
    }

    @Bean(destroyMethod = "close")
    Signers signers() {
        return new Signers(new KeySources());
    }

    @Bean
    io.cebgw.server.document.SenderCheck senderCheck(EnterpriseStore enterprises, Clock clock) {
        return new io.cebgw.server.document.SenderCheck(enterprises, clock);
    }

    @Bean
    DocumentService documentService(io.cebgw.server.document.SenderCheck senders, io.cebgw.server.access.Audit audit, DocumentStore documents,
                                    OutboxStore outbox, io.cebgw.server.store.ShipmentStore shipments, Signers signers, TransactionTemplate tx,
                                    Clock clock, EnterpriseTransports transports, GatewayProperties properties) {
        io.cebgw.core.validation.MessageValidator validator = new io.cebgw.core.validation.MessageValidator();
        if (properties.xsdFolder() != null) {
            io.cebgw.core.validation.XsdCheck xsd = new io.cebgw.core.validation.XsdCheck(properties.xsdFolder());
            if (!xsd.unavailable().isEmpty()) { // refused at start-up, not on every document
                throw new io.cebgw.server.ops.SettingMistake("cebgw.xsd-folder=" + properties.xsdFolder(), "官方 XSD 无法加载：" + String.join("；", xsd.unavailable()),
                        String.join("; ", xsd.unavailable()));
            }
            validator = new io.cebgw.core.validation.MessageValidator(xsd);
        }
        return new DocumentService(senders, audit, documents, outbox, shipments, signers, tx, clock, transports::transferNode, validator);
    }

    @Bean
    io.cebgw.server.access.Audit audit(JdbcClient jdbc, Clock clock) {
        return new io.cebgw.server.access.Audit(new io.cebgw.server.store.AuditStore(jdbc), clock);
    }

    @Bean
    io.cebgw.server.document.EnterpriseService enterpriseService(EnterpriseStore enterprises, Signers signers,
                                                                 io.cebgw.server.document.SenderCheck senders, io.cebgw.server.access.Audit audit,
                                                                 OutboxStore outbox, org.springframework.beans.factory.ObjectProvider<Sandbox> sandbox,
                                                                 Clock clock) {
        return new io.cebgw.server.document.EnterpriseService(enterprises, signers, senders, audit, outbox,
                java.util.Optional.ofNullable(sandbox.getIfAvailable()), clock);
    }

    @Bean
    io.cebgw.server.store.ShipmentStore shipmentStore(JdbcClient jdbc) {
        return new io.cebgw.server.store.ShipmentStore(jdbc);
    }

    @Bean
    io.cebgw.server.document.ShipmentService shipmentService(DocumentService documents, io.cebgw.server.store.ShipmentStore shipments,
                                                             DocumentStore store, Clock clock) {
        return new io.cebgw.server.document.ShipmentService(documents, shipments, store, clock);
    }

    @Bean
    io.cebgw.server.ops.Onboarding onboarding(Signers signers, Clock clock, io.cebgw.server.ops.TransportsHealth transports,
                                              GatewayProperties properties) {
        return new io.cebgw.server.ops.Onboarding(signers, clock, transports, properties.sandbox());
    }

    @Bean(destroyMethod = "close")
    EnterpriseTransports transports(EnterpriseStore enterprises, GatewayProperties properties) {
        return new EnterpriseTransports(enterprises, properties.transportSpec());
    }

    @Bean
    OutboxRelay outboxRelay(OutboxStore outbox, EnterpriseTransports transports, Archive archive, TransactionTemplate tx, Clock clock,
                            GatewayProperties p, io.cebgw.server.events.DeadLetterEvents deadLetters,
                            @org.springframework.beans.factory.annotation.Value("${cebgw.outbox.claim-lease:30s}") java.time.Duration claimLease) {
        if (claimLease.toMillis() < 2 * OutboxRelay.RENEW_EVERY_MILLIS) {
            throw new io.cebgw.server.ops.SettingMistake("cebgw.outbox.claim-lease=" + claimLease, "至少 10s：领取每 5 秒续期一次",
                    "at least 10s: claims are renewed every 5 s");
        }
        return new OutboxRelay(outbox, transports, archive, tx, clock,
                new io.cebgw.core.transport.RetryPolicy(p.firstRetry(), p.maxRetry(), p.maxAttempts()), 50, deadLetters, claimLease);
    }

    @Bean
    ReceiptProcessor receiptProcessor(EnterpriseStore enterprises, DocumentStore documents, ReceiptStore receipts, Archive archive,
                                      TransactionTemplate tx, Clock clock) {
        return new ReceiptProcessor(enterprises, documents, receipts, archive, tx, clock);
    }

    /** The customs sandbox in-process, at the other end of the default transport (cebgw.sandbox=true: the demo and tests). */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "cebgw.sandbox", havingValue = "true")
    Sandbox sandbox(GatewayProperties p, Clock clock) throws TransportException {
        SandboxConfig config = new SandboxConfig(null, p.exchangeFolder(), -1, p.sandboxStepMillis(), null, List.of(), null);
        Sandbox sandbox = new Sandbox(config, new Registry(), TransportCatalog.open(p.transportSpec(), End.EXCHANGE), clock);
        sandbox.start();
        return sandbox;
    }
}

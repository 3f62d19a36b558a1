package io.cebgw.server.api;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.server.document.Signers;
import io.cebgw.server.ops.ArchiveProbe;
import io.cebgw.server.ops.Check;
import io.cebgw.server.ops.Check.Outcome;
import io.cebgw.server.ops.Doctor;
import io.cebgw.server.ops.KeyProbe;
import io.cebgw.server.ops.TransportProbe;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.ArchiveRetention;
import io.cebgw.server.store.ArchiveStore;
import io.cebgw.server.store.Dialect;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import io.cebgw.server.store.ReceiptStore;
import io.cebgw.core.transport.TransportSpec;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cebgw doctor}'s checks, each on a healthy and on a broken deployment: what it finds and what it tells the
 * operator to do. The command around them is shown in DoctorCommandIT (cebgw-app).
 */
class DoctorTest extends GatewayTestBase {
    private static final Path XSD = Path.of("..", "..", "shared", "ceb-spec", "202205", "xsd");
    private static final GeneratedKey CA = KeyPairs.certificateAuthority(SignatureSuite.SM2_SM3, "CN=E-Port test CA,C=CN", Duration.ofDays(3650));

    @Autowired
    Doctor doctor;
    @Autowired
    DataSource dataSource;
    @Autowired
    Dialect dialect;
    @Autowired
    Signers signers;
    @Autowired
    EnterpriseStore store;
    @Autowired
    Archive archive;

    @Test
    void aHealthyEnterpriseDeploymentPassesEveryCheck() throws Exception {
        String dxp = "DXPENT0000067601";
        enterprises.register("医生", "3301964ABC", dxp, "EBC,AGENT", issued("doc-ok", Duration.ofDays(400)));
        List<Check> checks = doctor.run(Optional.of(dxp));
        assertThat(checks).as(checks.toString()).noneMatch(Check::failed);
        assertThat(checks).extracting(c -> c.area().en()).contains("database", "migrations", "clock", "transport", "signing key", "free disk", "archive export",
                "XSD folder");
        Check key = only(checks, "signing key");
        assertThat(key.outcome()).isEqualTo(Outcome.PASS);
        assertThat(key.target()).isEqualTo(dxp);
        assertThat(key.detail().zh()).contains("KeyName").contains("剩余 399 天");
        assertThat(only(checks, "migrations").detail().en()).isEqualTo("current");
    }

    @Test
    void anUnknownEnterpriseFails() {
        Check unknown = only(doctor.run(Optional.of("DXPENT0000067699")), "enterprise");
        assertThat(unknown.failed()).isTrue();
        assertThat(unknown.remedy().zh()).contains("DXPID");
    }

    @Test
    void aDatabaseThatDoesNotAnswerFailsAndNamesTheSettings() {
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/cebgw");
        nowhere.setConnectTimeout(2);
        Check db = doctorOn(nowhere, Dialect.POSTGRESQL, Clock.systemUTC(), null, 1).run(Optional.of("none")).get(0);
        assertThat(db.failed()).isTrue();
        assertThat(db.remedy().zh()).contains("spring.datasource.url").contains("SPRING_DATASOURCE_PASSWORD");
        assertThat(doctor.run(Optional.of("none")).get(0).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void migrationsNotAppliedWarnAndADatabaseNewerThanTheProgramFails() {
        JdbcDataSource fresh = h2();
        Check pending = migrations(doctorOn(fresh, Clock.systemUTC(), null, 1));
        assertThat(pending.outcome()).isEqualTo(Outcome.WARN);
        assertThat(pending.remedy().zh()).contains("./cebgw serve");

        Flyway.configure().dataSource(fresh).locations(Dialect.H2.migrationLocation()).load().migrate();
        assertThat(migrations(doctorOn(fresh, Clock.systemUTC(), null, 1)).outcome()).isEqualTo(Outcome.PASS);
        JdbcClient.create(fresh).sql("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"installed_by\", \"execution_time\", \"success\") values (999, '999', 'from a newer program', 'SQL', 'V999__x.sql', 'sa', 1, true)").update();
        Check future = migrations(doctorOn(fresh, Clock.systemUTC(), null, 1));
        assertThat(future.failed()).isTrue();
        assertThat(future.detail().en()).contains("newer than this program");
    }

    @Test
    void aClockOffFromTheDatabasesFails() {
        Check ok = only(doctorOn(dataSource, Clock.systemUTC(), null, 1).run(Optional.of("none")), "clock");
        assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
        Check off = only(doctorOn(dataSource, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)), null, 1).run(Optional.of("none")), "clock");
        assertThat(off.failed()).isTrue();
        assertThat(off.detail().zh()).contains("毫秒");
        assertThat(off.remedy().zh()).contains("NTP");
    }

    @Test
    void aFullDiskFailsAndAMissingXsdFolderFails() throws Exception {
        List<Check> full = doctorOn(dataSource, Clock.systemUTC(), XSD, Long.MAX_VALUE).run(Optional.of("none"));
        assertThat(only(full, "free disk").failed()).isTrue();
        assertThat(only(full, "XSD folder").outcome()).as("the official XSDs in ../shared load").isEqualTo(Outcome.PASS);
        assertThat(only(doctorOn(dataSource, Clock.systemUTC(), null, 1).run(Optional.of("none")), "free disk").outcome()).isEqualTo(Outcome.PASS);

        Path empty = Files.createTempDirectory(DIR, "no-xsd");
        Check xsd = only(doctorOn(dataSource, Clock.systemUTC(), empty, 1).run(Optional.of("none")), "XSD folder");
        assertThat(xsd.failed()).isTrue();
        assertThat(xsd.detail().en()).contains("ceb-export.xsd");
    }

    @Test
    void transportsThatRefuseThePasswordOrDoNotAnswerFailWithWhatToDo() throws Exception {
        assertThat(TransportProbe.spec("default", TransportSpec.of("folder", Map.of("root", DIR.resolve("doctor-folder").toString()))).outcome())
                .isEqualTo(Outcome.PASS);
        Check nobody = TransportProbe.profile("DXPENT0000067602", "type=amqp\nuri=amqp://127.0.0.1:1\nuser=guest\nqueues=cebgw.doctor\npassword.file="
                + secret("guest") + "\n");
        assertThat(nobody.failed()).isTrue();
        assertThat(nobody.remedy().zh()).contains("地址和端口");
        Check badProfile = TransportProbe.profile("DXPENT0000067602", "type=amqp\nuri=amqp://127.0.0.1:5672\npassword=guest\n");
        assertThat(badProfile.failed()).isTrue();
        assertThat(badProfile.detail().en()).contains("CEB-T");

        RabbitMq.require();
        Check refused = TransportProbe.profile("DXPENT0000067602", "type=amqp\nuri=" + RabbitMq.URI + "\nuser=guest\nqueues=cebgw.doctor\npassword.file="
                + secret("not-the-password") + "\n");
        assertThat(refused.failed()).isTrue();
        assertThat(refused.detail().zh()).contains("CEB-T020");
        assertThat(refused.remedy().zh()).contains("密码").contains("无需重启");
        assertThat(refused.detail().both()).doesNotContain("not-the-password");
    }

    @Test
    void keysThatDoNotOpenExpireOrAreForTestsAreTold() throws Exception {
        Instant now = Instant.now();
        assertThat(KeyProbe.of(row("DXPENT0000067611", issued("doc-k1", Duration.ofDays(400))), signers, now).outcome()).isEqualTo(Outcome.PASS);

        Check soon = KeyProbe.of(row("DXPENT0000067612", issued("doc-k2", Duration.ofDays(10))), signers, now);
        assertThat(soon.outcome()).isEqualTo(Outcome.WARN);
        assertThat(soon.remedy().zh()).contains("cebgw csr --renew");

        Check expired = KeyProbe.of(row("DXPENT0000067613", issued("doc-k3", Duration.ofMinutes(-1))), signers, now);
        assertThat(expired.failed()).isTrue();

        Path selfSigned = DIR.resolve("doc-k4.p12");
        KeyPairs.writePkcs12(KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=doc-k4,C=CN", Duration.ofDays(30)), selfSigned, "pw-doc-k4".toCharArray(), "cebgw");
        KeyProbe.Probe test = KeyProbe.probe(row("DXPENT0000067614", "type=pkcs12\npath=" + selfSigned + "\npassword.file=" + secret("pw-doc-k4") + "\n"),
                signers, now);
        assertThat(test.testCertificate()).isTrue();
        assertThat(test.check().outcome()).isEqualTo(Outcome.WARN);
        assertThat(test.check().detail().zh()).contains("测试证书");

        String wrongPassword = "type=pkcs12\npath=" + selfSigned + "\npassword.file=" + secret("not-the-password") + "\n";
        Check refused = KeyProbe.of(row("DXPENT0000067615", wrongPassword), signers, now);
        assertThat(refused.failed()).isTrue();
        assertThat(refused.remedy().zh()).contains("password.file");

        io.cebgw.crypto.testing.FakeCardService client = new io.cebgw.crypto.testing.FakeCardService(TestKeys.key(SignatureSuite.SM2_SM3).signingKey(),
                "12345678").startAndWait();
        try {
            Check answering = KeyProbe.of(row("DXPENT0000067618", "type=card\nurl=" + client.url() + "\npin.file=" + secret("12345678") + "\n"), signers, now);
            assertThat(answering.outcome()).as("the card client answers: " + answering).isEqualTo(Outcome.PASS);
            assertThat(answering.area().en()).isEqualTo("card client");
        } finally {
            client.stopQuietly();
        }
        Check card = KeyProbe.of(row("DXPENT0000067616", "type=card\nurl=ws://127.0.0.1:1\npin.file=" + secret("12345678") + "\n"), signers, now);
        assertThat(card.failed()).isTrue();
        assertThat(card.area().en()).isEqualTo("card client");
        assertThat(card.remedy().zh()).contains("客户端控件");

        assertThat(KeyProbe.of(row("DXPENT0000067617", null), signers, now).failed()).isTrue();
    }

    /**
     * Retention on several nodes: an export file the database records but this node's export folder does not hold (the
     * folder is not the shared one) fails and says what to do; a folder that cannot be made fails while retention is on.
     */
    @Test
    void exportFilesMissingFromThisNodesFolderFail() throws Exception {
        JdbcDataSource db = h2Migrated();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        Path shared = Files.createTempDirectory(DIR, "shared-exports");
        Archive onNodeA = new Archive(new ArchiveStore(db), tx, shared);
        assertThat(new ArchiveProbe(onNodeA, Optional.empty()).check()).satisfies(off -> {
            assertThat(off.outcome()).isEqualTo(Outcome.PASS);
            assertThat(off.detail().zh()).contains("保留策略未开启");
        });
        onNodeA.append(Archive.OUT, "e", "d", "COP-1", "<old/>".getBytes(StandardCharsets.UTF_8), Instant.now().minus(Duration.ofDays(40)));
        new ArchiveRetention(new ArchiveStore(db), new ReceiptStore(db), tx, shared, Clock.systemUTC()).exportBefore(Instant.now());

        Check here = new ArchiveProbe(onNodeA, Optional.of(Duration.ofDays(30))).check();
        assertThat(here.outcome()).as(here.toString()).isEqualTo(Outcome.PASS);
        assertThat(here.detail().zh()).contains("保留 30 天").contains("1 个导出文件都在");

        Archive onNodeB = new Archive(new ArchiveStore(db), tx, Files.createTempDirectory(DIR, "own-exports"));
        Check elsewhere = new ArchiveProbe(onNodeB, Optional.of(Duration.ofDays(30))).check();
        assertThat(elsewhere.failed()).isTrue();
        assertThat(elsewhere.detail().zh()).contains("缺少 1 个导出文件").contains("cebgw-archive-000000000001-000000000001");
        assertThat(elsewhere.remedy().zh()).contains("共用目录").contains("./cebgw archive verify");

        Path aFile = Files.writeString(DIR.resolve("not-a-folder.txt"), "x");
        Archive unwritable = new Archive(new ArchiveStore(h2Migrated()), tx, aFile.resolve("exports"));
        assertThat(new ArchiveProbe(unwritable, Optional.of(Duration.ofDays(30))).check()).satisfies(c -> {
            assertThat(c.failed()).isTrue();
            assertThat(c.remedy().zh()).contains("cebgw.archive.export-folder");
        });
        assertThat(new ArchiveProbe(unwritable, Optional.empty()).check().outcome()).as("retention off: nothing is written there").isEqualTo(Outcome.PASS);
    }

    private static JdbcDataSource h2Migrated() {
        JdbcDataSource db = h2();
        Flyway.configure().dataSource(db).locations(Dialect.H2.migrationLocation()).load().migrate();
        return db;
    }

    private Doctor doctorOn(DataSource ds, Clock clock, Path xsd, long minFreeDisk) {
        return doctorOn(ds, Dialect.of(ds), clock, xsd, minFreeDisk);
    }

    private Doctor doctorOn(DataSource ds, Dialect dialect, Clock clock, Path xsd, long minFreeDisk) {
        return new Doctor(new Doctor.Setup(ds, dialect, TransportSpec.of("folder", Map.of("root", DIR.resolve("doctor-exchange").toString())),
                xsd, List.of(DIR), minFreeDisk), store, signers, new ArchiveProbe(archive, Optional.empty()), clock);
    }

    private static Check migrations(Doctor d) {
        return only(d.run(Optional.of("none")), "migrations");
    }

    private static Check only(List<Check> checks, String area) {
        return checks.stream().filter(c -> c.area().en().equals(area)).findFirst().orElseThrow(() -> new AssertionError(area + " in " + checks));
    }

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:doctor" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static EnterpriseRow row(String dxpId, String signingProfile) {
        return new EnterpriseRow(UUID.randomUUID().toString(), "检查", "3301964ABC", null, dxpId, "EBC", signingProfile, null, Instant.now());
    }

    /** A key whose certificate a CA issued (as the E-Port's are), valid for {@code validity}. */
    private static String issued(String name, Duration validity) throws Exception {
        Path p12 = DIR.resolve(name + ".p12");
        KeyPairs.writePkcs12(KeyPairs.issuedBy(CA, SignatureSuite.SM2_SM3, "CN=" + name + ",O=3301964ABC,C=CN", validity, BigInteger.valueOf(Math.abs(name.hashCode()) + 1L)),
                p12, ("pw-" + name).toCharArray(), "cebgw");
        return "type=pkcs12\npath=" + p12 + "\npassword.file=" + secret("pw-" + name) + "\n";
    }

    private static Path secret(String value) throws Exception {
        Path file = Files.createTempFile(DIR, "secret", ".pw");
        Files.writeString(file, value + "\n");
        return file;
    }
}

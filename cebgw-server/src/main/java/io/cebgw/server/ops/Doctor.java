package io.cebgw.server.ops;

import io.cebgw.core.transport.TransportSpec;
import io.cebgw.core.validation.XsdCheck;
import io.cebgw.server.document.Signers;
import io.cebgw.server.ops.Check.Text;
import io.cebgw.server.store.Dialect;
import io.cebgw.server.store.EnterpriseRow;
import io.cebgw.server.store.EnterpriseStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a deployment without declaring anything ({@code cebgw doctor}, the admin API, onboarding): the database and
 * its migrations, the clock against the database's, each transport, each key source, free disk, the archive's export
 * folder, the XSD folder.
 */
public final class Doctor {
    /** A folder with less free space than {@code minFreeDisk} fails; with less than this many times as much it warns. */
    static final int LOW_DISK_FACTOR = 8;
    /** A clock further off than this from the database's fails (receipts and retries are timed by both). */
    static final Duration MAX_SKEW = Duration.ofSeconds(30);
    private static final Text DATABASE = new Text("数据库", "database");
    private static final Text MIGRATIONS = new Text("数据库版本", "migrations");
    private static final Text CLOCK = new Text("时钟", "clock");
    private static final Text DISK = new Text("磁盘空间", "free disk");
    private static final Text XSD = new Text("XSD 目录", "XSD folder");
    private static final Text ENTERPRISE = new Text("企业", "enterprise");

    /**
     * What the deployment is made of, as {@code serve} reads it.
     *
     * @param folders     where the gateway writes (the working folder, the exchange folder): each one's disk is checked
     * @param minFreeDisk less free space than this on one of them fails ({@code cebgw.doctor.min-free-disk})
     */
    public record Setup(DataSource dataSource, Dialect dialect, TransportSpec defaultTransport, Path xsdFolder, List<Path> folders, long minFreeDisk) {
    }

    private final Setup setup;
    private final EnterpriseStore enterprises;
    private final Signers signers;
    private final ArchiveProbe archive;
    private final Clock clock;

    public Doctor(Setup setup, EnterpriseStore enterprises, Signers signers, ArchiveProbe archive, Clock clock) {
        this.setup = setup;
        this.enterprises = enterprises;
        this.signers = signers;
        this.archive = archive;
        this.clock = clock;
    }

    /** Every check, for every enterprise or only the one with this DXPID (or id). */
    public List<Check> run(Optional<String> enterprise) {
        List<Check> checks = new ArrayList<>();
        checks.add(database());
        checks.add(migrations());
        checks.add(clockSkew());
        List<EnterpriseRow> which;
        try {
            which = enterprises.all();
        } catch (org.springframework.dao.DataAccessException e) {
            which = List.of();
            checks.add(Check.warn(ENTERPRISE, "", new Text("还没有企业表：数据库尚未初始化", "no enterprise table: the database has not been set up"),
                    new Text("运行一次 ./cebgw serve 建表，再登记企业", "run ./cebgw serve once to create the tables, then register the enterprises")));
        }
        if (enterprise.isPresent()) {
            String wanted = enterprise.get();
            which = which.stream().filter(e -> wanted.equals(e.dxpId()) || wanted.equals(e.id())).toList();
            if (which.isEmpty()) {
                checks.add(Check.fail(ENTERPRISE, wanted, new Text("没有这个企业", "no such enterprise"),
                        new Text("核对 DXPID，或先登记企业（docs/zh/install.md）", "check the DXPID, or register the enterprise first")));
            }
        }
        checks.add(TransportProbe.spec(defaultTarget(), setup.defaultTransport()));
        for (EnterpriseRow e : which) {
            if (e.transportProfile() != null && !e.transportProfile().isBlank()) {
                checks.add(TransportProbe.profile(e.dxpId(), e.transportProfile()));
            }
            checks.add(KeyProbe.of(e, signers, clock.instant()));
        }
        checks.addAll(disks());
        checks.add(archiveExport());
        checks.add(xsd());
        return checks;
    }

    private Check archiveExport() {
        try {
            return archive.check();
        } catch (org.springframework.dao.DataAccessException e) {
            return Check.warn(ArchiveProbe.AREA, "", new Text("无法读取导出记录：数据库尚未初始化或无法连接", "cannot read the export records: the database is not set up or does not answer"),
                    Text.NONE);
        }
    }

    private String defaultTarget() {
        return "default (" + setup.defaultTransport().type() + ")";
    }

    Check database() {
        try (Connection c = setup.dataSource().getConnection()) {
            var meta = c.getMetaData();
            String what = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            return Check.pass(DATABASE, meta.getURL().replaceFirst("[?;].*", ""), new Text("可以连接：" + what, "answers: " + what));
        } catch (SQLException e) {
            return Check.fail(DATABASE, "spring.datasource.url", new Text("无法连接：" + e.getMessage(), "cannot connect: " + e.getMessage()), databaseRemedy());
        }
    }

    static Text databaseRemedy() {
        return new Text("核对 spring.datasource.url、用户名和环境变量 SPRING_DATASOURCE_PASSWORD，确认数据库已启动",
                "check spring.datasource.url, the user and SPRING_DATASOURCE_PASSWORD, and that the database runs");
    }

    Check migrations() {
        MigrationInfoService info;
        try {
            info = Flyway.configure().dataSource(setup.dataSource()).locations(setup.dialect().migrationLocation()).load().info();
        } catch (org.flywaydb.core.api.FlywayException e) {
            return Check.fail(MIGRATIONS, "", new Text("无法读取：" + e.getMessage(), "cannot read: " + e.getMessage()), databaseRemedy());
        }
        MigrationInfo current = info.current();
        String version = current == null ? "—" : current.getVersion().getVersion();
        long future = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS).count();
        if (future > 0) {
            return Check.fail(MIGRATIONS, "V" + version, new Text("数据库比程序新（" + future + " 个未知的升级）", "the database is newer than this program (" + future + " unknown migrations)"),
                    new Text("升级程序到与数据库相同的版本", "upgrade the program to the database's version"));
        }
        int pending = info.pending().length;
        if (pending > 0) {
            return Check.warn(MIGRATIONS, "V" + version, new Text("有 " + pending + " 个升级尚未执行", pending + " migrations not applied yet"),
                    new Text("运行 ./cebgw serve，启动时自动升级（先备份数据库）", "run ./cebgw serve: it migrates when it starts (back up the database first)"));
        }
        return Check.pass(MIGRATIONS, "V" + version, new Text("已是最新", "current"));
    }

    Check clockSkew() {
        try {
            BigDecimal seconds = JdbcClient.create(setup.dataSource()).sql(setup.dialect().clockQuery()).query(BigDecimal.class).single();
            Instant database = Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
            Duration skew = Duration.between(database, clock.instant()).abs();
            Text detail = new Text("与数据库相差 " + skew.toMillis() + " 毫秒", skew.toMillis() + " ms from the database's clock");
            return skew.compareTo(MAX_SKEW) > 0
                    ? Check.fail(CLOCK, "", detail, new Text("用 chrony 或 NTP 同步本机和数据库服务器的时间", "synchronise this machine and the database server with chrony or NTP"))
                    : Check.pass(CLOCK, "", detail);
        } catch (RuntimeException e) {
            return Check.fail(CLOCK, "", new Text("无法读取数据库时间：" + e.getMessage(), "cannot read the database's clock: " + e.getMessage()), databaseRemedy());
        }
    }

    List<Check> disks() {
        Map<FileStore, Path> stores = new LinkedHashMap<>();
        for (Path folder : setup.folders()) {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            try {
                if (existing != null) {
                    stores.putIfAbsent(Files.getFileStore(existing), folder);
                }
            } catch (IOException e) {
                // a folder whose file system cannot be read is reported by the transport check
            }
        }
        List<Check> checks = new ArrayList<>();
        stores.forEach((store, folder) -> checks.add(disk(store, folder)));
        return checks;
    }

    private Check disk(FileStore store, Path folder) {
        long free;
        try {
            free = store.getUsableSpace();
        } catch (IOException e) {
            return Check.warn(DISK, folder.toString(), new Text("无法读取：" + e.getMessage(), "cannot read: " + e.getMessage()), Text.NONE);
        }
        Text detail = new Text("剩余 " + (free >> 20) + " MB", (free >> 20) + " MB free");
        Text remedy = new Text("清理旧文件或扩容磁盘（报文都在数据库中）", "free space or enlarge the disk (the messages are kept in the database)");
        if (free < setup.minFreeDisk()) {
            return Check.fail(DISK, folder.toString(), detail, remedy);
        }
        return free / LOW_DISK_FACTOR < setup.minFreeDisk() ? Check.warn(DISK, folder.toString(), detail, remedy) : Check.pass(DISK, folder.toString(), detail);
    }

    Check xsd() {
        if (setup.xsdFolder() == null) {
            return Check.pass(XSD, "cebgw.xsd-folder", new Text("未配置：只按报文规范的内置规则检查", "not set: the spec's built-in rules only"));
        }
        List<String> problems = new XsdCheck(setup.xsdFolder()).unavailable();
        if (problems.isEmpty()) {
            return Check.pass(XSD, setup.xsdFolder().toString(), new Text("官方 XSD 可以加载", "the official XSDs load"));
        }
        return Check.fail(XSD, setup.xsdFolder().toString(), new Text(String.join("；", problems), String.join("; ", problems)),
                new Text("把官方 202205 XSD（ceb-export.xsd 等 5 个文件）放入该目录", "put the five official 202205 XSD files (ceb-export.xsd …) in the folder"));
    }
}

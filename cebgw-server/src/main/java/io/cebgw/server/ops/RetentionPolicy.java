package io.cebgw.server.ops;

import io.cebgw.server.store.ArchiveRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The retention policy {@code cebgw.retention.keep}: archive entries and receipts of final documents older than this
 * are exported to the export folder and removed from the database. Off while unset.
 */
public final class RetentionPolicy {
    /** How much older than {@code keep} the oldest entry in the database may be before retention counts as failing. */
    static final Duration GRACE = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPolicy.class);
    private final ArchiveRetention retention;
    private final Duration keep;
    private final Clock clock;

    public RetentionPolicy(ArchiveRetention retention, Duration keep, Clock clock) {
        this.retention = retention;
        this.keep = keep;
        this.clock = clock;
    }

    public Optional<Duration> keep() {
        return Optional.ofNullable(keep);
    }

    /**
     * An alert while retention is on but has not kept up: the oldest entry in the database is more than a day older
     * than it keeps (the hourly export has failed a day long: a folder that cannot be written, a broken chain). Read from
     * the database, so every node sees the same.
     */
    public Optional<Alert> behind() {
        if (keep == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return retention.oldestInDatabase().filter(oldest -> oldest.isBefore(now.minus(keep).minus(GRACE))).map(oldest -> {
            long days = Duration.between(oldest, now).toDays();
            return new Alert("retention", null, "存档保留未能执行：数据库中最早的存档已有 " + days + " 天，超过保留期 " + keep.toDays()
                    + " 天。请运行 ./cebgw doctor 检查“存档导出”一项，并查看网关日志中的 retention round failed。",
                    "retention is not keeping up: the oldest archive entry in the database is " + days + " days old, beyond the "
                            + keep.toDays() + " days kept. Run ./cebgw doctor (archive export) and look for \"retention round failed\" in the log.", false);
        });
    }

    /** One run: exports and removes what is older than {@code keep}; nothing while the policy is off. */
    public void run() {
        if (keep == null) {
            return;
        }
        ArchiveRetention.Result r = retention.exportBefore(clock.instant().minus(keep));
        if (r.export().isPresent() || r.entriesRemoved() > 0 || r.receiptsRemoved() > 0) {
            LOG.info("retention: {} archive entries and {} receipts older than {} exported to {} and removed from the database", r.entriesRemoved(),
                    r.receiptsRemoved(), keep, r.export().map(e -> e.fileName()).orElse("(an earlier export)"));
        }
    }
}

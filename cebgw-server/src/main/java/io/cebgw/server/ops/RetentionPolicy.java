package io.cebgw.server.ops;

import io.cebgw.server.store.ArchiveRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The retention policy {@code cebgw.retention.keep}: archive entries and receipts of final documents older than this
 * are exported to the export folder and removed from the database. Off while unset.
 */
public final class RetentionPolicy {
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

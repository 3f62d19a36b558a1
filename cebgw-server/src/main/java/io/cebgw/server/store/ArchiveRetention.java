package io.cebgw.server.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Retention of the archive and the receipts: what is older than a cutoff is written to a file in the export folder
 * ({@link ArchiveExportFile}), the file is read back and checked against the chain, recorded, and only then removed
 * from the database. The chain stays verifiable across the files and what remains ({@link Archive#verify}). Safe to
 * run on several nodes at once: one export per range is recorded, the other node's file is deleted again.
 */
public final class ArchiveRetention {
    private final ArchiveStore archive;
    private final ReceiptStore receipts;
    private final TransactionTemplate tx;
    private final Path folder;
    private final Clock clock;

    public ArchiveRetention(ArchiveStore archive, ReceiptStore receipts, TransactionTemplate tx, Path folder, Clock clock) {
        this.archive = archive;
        this.receipts = receipts;
        this.tx = tx;
        this.folder = folder;
        this.clock = clock;
    }

    /** When the oldest archive entry still in the database happened. */
    public Optional<Instant> oldestInDatabase() {
        return archive.oldestInDatabase();
    }

    /** What one run did: the export it wrote (none when nothing was old enough) and how many rows left the database. */
    public record Result(Optional<ArchiveStore.Export> export, long entriesRemoved, long receiptsRemoved) {
    }

    /**
     * Exports the archive entries that happened before {@code cutoff} and the receipts of final documents received
     * before it, then removes them from the database. An earlier run that wrote its file but stopped before the removal
     * is finished first.
     */
    public Result exportBefore(Instant cutoff) {
        long[] removed = {0, 0};
        for (ArchiveStore.Export pending : archive.exports()) {
            if (!pending.purged()) {
                long[] r = purge(pending);
                removed[0] += r[0];
                removed[1] += r[1];
            }
        }
        List<ArchiveStore.Export> done = archive.exports();
        ArchiveStore.Export previous = done.isEmpty() ? null : done.get(done.size() - 1);
        long firstSeq = previous == null ? archive.firstSeq().orElse(1L) : previous.lastSeq() + 1;
        long lastSeq = archive.lastSeqBefore(cutoff);
        long lastReceipt = receipts.lastId();
        if (lastSeq < firstSeq) {
            return new Result(Optional.empty(), removed[0], removed[1]);
        }
        ArchiveStore.Export export = write(firstSeq, lastSeq, previous == null ? Archive.GENESIS : previous.lastChainHash(), cutoff, lastReceipt);
        try {
            archive.recordExport(export);
        } catch (DuplicateKeyException anotherNode) {
            delete(folder.resolve(export.fileName()));
            return new Result(Optional.empty(), removed[0], removed[1]);
        }
        long[] r = purge(export);
        return new Result(Optional.of(export), removed[0] + r[0], removed[1] + r[1]);
    }

    private ArchiveStore.Export write(long firstSeq, long lastSeq, String previousHash, Instant cutoff, long lastReceipt) {
        Instant now = clock.instant();
        String name = "cebgw-archive-%012d-%012d.zip".formatted(firstSeq, lastSeq);
        Path part;
        try {
            Files.createDirectories(folder);
            part = Files.createTempFile(folder, ".export-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the export folder " + folder.toAbsolutePath(), e);
        }
        Archive.ChainWalk walk = new Archive.ChainWalk();
        ArchiveStore.Export export;
        try (ArchiveExportFile file = ArchiveExportFile.create(part)) {
            walk.startAt(firstSeq, previousHash);
            archive.forEachBetween(firstSeq, lastSeq, e -> {
                walk.visit(e);
                file.add(e);
            });
            if (walk.broken() || walk.expectedSeq() - 1 != lastSeq) {
                throw new IllegalStateException("the archive is not intact at entry " + walk.result().firstBrokenSeq().orElse(walk.expectedSeq())
                        + " (" + walk.result().reason() + "): nothing exported; run cebgw archive verify");
            }
            receipts.forEachRetainable(lastReceipt, cutoff, file::addReceipt);
            ArchiveStore.Export range = new ArchiveStore.Export(firstSeq, lastSeq, previousHash, walk.previous(), file.entries(), file.receipts(), name,
                    "", now, null);
            String sha = file.finish(range);
            export = new ArchiveStore.Export(firstSeq, lastSeq, previousHash, walk.previous(), file.entries(), file.receipts(), name, sha, now, null);
        } catch (RuntimeException e) {
            delete(part);
            throw e;
        }
        Archive.ChainWalk check = new Archive.ChainWalk();
        check.startAt(firstSeq, previousHash);
        ArchiveExportFile.verify(part, export, check);
        if (check.broken()) {
            delete(part);
            throw new IllegalStateException("the export read back does not match the archive: " + check.result().reason());
        }
        try {
            Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(part);
            throw new UncheckedIOException("cannot name the export " + folder.resolve(name), e);
        }
        return export;
    }

    /** Removes an export's entries and receipts, once its file is there and unchanged. */
    private long[] purge(ArchiveStore.Export export) {
        Path file = folder.resolve(export.fileName());
        if (!Files.isRegularFile(file) || !ArchiveExportFile.sha256(file).equals(export.fileSha256())) {
            throw new IllegalStateException("the export " + file.toAbsolutePath() + " is missing or changed: nothing removed from the database");
        }
        return tx.execute(s -> {
            long entries = archive.purge(export, clock.instant());
            long[] receiptRows = {0};
            List<Long> ids = new java.util.ArrayList<>();
            ArchiveExportFile.forEachReceiptId(file, id -> {
                ids.add(id);
                if (ids.size() == 1000) {
                    receiptRows[0] += receipts.delete(ids);
                    ids.clear();
                }
            });
            receiptRows[0] += receipts.delete(ids);
            return new long[] {entries, receiptRows[0]};
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless: its name starts with a dot
        }
    }
}

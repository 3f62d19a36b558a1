package io.cebgw.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every outbound and inbound message's bytes, in a SHA-256 hash chain: each entry's chain hash covers the previous
 * one, so removing, reordering or editing any entry is detected by {@link #verify} ({@code cebgw archive verify}).
 * The chain head is a database row that each append locks until its transaction ends: every gateway node on one
 * database appends to the same chain. Entries exported by retention ({@link ArchiveRetention}) are verified in
 * their files, and the chain continues in the database where the last export ended.
 */
public final class Archive {
    public static final String GENESIS = "0".repeat(64);
    public static final String OUT = "OUT";
    public static final String IN = "IN";

    private final ArchiveStore store;
    private final TransactionTemplate tx;
    private final Path exportFolder;

    /** An archive whose exported files are in {@code exportFolder} ({@code cebgw.archive.export-folder}). */
    public Archive(ArchiveStore store, TransactionTemplate tx, Path exportFolder) {
        this.store = store;
        this.tx = tx;
        this.exportFolder = exportFolder;
    }

    public Path exportFolder() {
        return exportFolder;
    }

    /** One message to archive. */
    public record Item(String direction, String enterpriseId, String documentId, String copMsgId, byte[] content) {
    }

    public void append(String direction, String enterpriseId, String documentId, String copMsgId, byte[] content, Instant at) {
        appendAll(List.of(new Item(direction, enterpriseId, documentId, copMsgId, content)), at);
    }

    /**
     * Appends the items in order, in the caller's transaction when there is one (the entries commit or roll back
     * with it), else in one of their own. Other appends, on this node or another, wait for that transaction to end.
     */
    public void appendAll(List<Item> items, Instant at) {
        if (items.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            ArchiveStore.Head head = store.lockHead();
            long seq = head.seq();
            String chainHash = head.chainHash();
            List<ArchiveStore.Entry> entries = new ArrayList<>(items.size());
            for (Item item : items) {
                String sha = sha256(item.content());
                seq++;
                chainHash = chain(chainHash, sha);
                entries.add(new ArchiveStore.Entry(seq, item.direction(), item.enterpriseId(), item.documentId(), item.copMsgId(), sha, chainHash,
                        item.content(), at));
            }
            store.insertAll(entries);
            store.moveHead(new ArchiveStore.Head(seq, chainHash));
        });
    }

    /**
     * The result of checking the whole chain: {@code entries} checked in all, {@code exported} of them in export files.
     */
    public record Verification(long entries, long exported, Optional<Long> firstBrokenSeq, Optional<ChainBreak> chainBreak, String detail) {
        public boolean intact() {
            return firstBrokenSeq.isEmpty();
        }

        /** What broke, in English, with the detail (for logs and exceptions); empty when intact. */
        public String reason() {
            return chainBreak.map(b -> b.text().en() + (detail.isEmpty() ? "" : ": " + detail)).orElse("");
        }
    }

    /** Checks the entries in the database; exported entries, if any, are checked in their files in {@code exportFolder}. */
    public Verification verify(Path exportFolder) {
        ChainWalk walk = new ChainWalk();
        for (ArchiveStore.Export export : store.exports()) {
            if (export.purged()) {
                ArchiveExportFile.verify(exportFolder.resolve(export.fileName()), export, walk);
                if (walk.broken()) {
                    return walk.result();
                }
            }
        }
        walk.databaseFrom();
        store.forEach(walk.expectedSeq() - 1, walk::visit);
        if (!walk.broken() && walk.expectedSeq() - 1 != store.head().seq()) {
            walk.fail(walk.expectedSeq(), ChainBreak.TAIL_MISSING, "the chain head is at " + store.head().seq());
        }
        return walk.result();
    }

    /** Checks the entries in the database, and the exported ones in the export folder. */
    public Verification verify() {
        return verify(exportFolder);
    }

    /** An archived message found again, and where: {@code "database"} or the export file's name. */
    public record Found(ArchiveStore.Entry entry, String place) {
    }

    /**
     * The archived messages that name this document (its id) or this CopMsgId: in the export files first (oldest),
     * then in the database. An export file missing from the folder is skipped.
     */
    public List<Found> find(String documentOrCopMsgId) {
        List<Found> found = new ArrayList<>();
        for (ExportFile f : exportFiles()) {
            if (f.present()) {
                ArchiveExportFile.find(f.path(), documentOrCopMsgId).forEach(e -> found.add(new Found(e, f.export().fileName())));
            }
        }
        store.find(documentOrCopMsgId).forEach(e -> found.add(new Found(e, "database")));
        return found;
    }

    /** A receipt row that retention exported (the columns of {@code receipt}), and the export file that holds it. */
    public record ExportedReceipt(JsonNode row, String place) {
    }

    /** The receipts of this document that retention moved to export files, oldest file first. */
    public List<ExportedReceipt> exportedReceipts(String documentId) {
        List<ExportedReceipt> found = new ArrayList<>();
        for (ExportFile f : exportFiles()) {
            if (f.export().receipts() > 0 && f.present()) {
                ArchiveExportFile.receiptsOf(f.path(), documentId).forEach(r -> found.add(new ExportedReceipt(r, f.export().fileName())));
            }
        }
        return found;
    }

    /** A finished export (its entries left the database) and where its file belongs in the export folder. */
    public record ExportFile(ArchiveStore.Export export, Path path) {
        /** Whether the file is there. */
        public boolean present() {
            return Files.isRegularFile(path);
        }
    }

    /** The finished exports, oldest first, with where their files belong in this node's export folder. */
    public List<ExportFile> exportFiles() {
        return store.exports().stream().filter(ArchiveStore.Export::purged).map(e -> new ExportFile(e, exportFolder.resolve(e.fileName()))).toList();
    }

    /**
     * Whether this document's receipts went to export files: it is final, none are left in the database ({@code left}),
     * and retention has moved receipts out of the database.
     */
    public boolean receiptsExported(DocumentRow d, List<?> left) {
        return d.finalState() && left.isEmpty() && store.exports().stream().anyMatch(e -> e.purged() && e.receipts() > 0);
    }

    /** The exports, oldest first. */
    public List<ArchiveStore.Export> exports() {
        return store.exports();
    }

    /** Walks entries in sequence order, checking each one's hash and its link to the one before. */
    static final class ChainWalk {
        private long entries;
        private long exported;
        private long expectedSeq = 1;
        private String previous = GENESIS;
        private Long broken;
        private ChainBreak chainBreak;
        private String detail = "";
        private boolean inFiles = true;

        void visit(ArchiveStore.Entry e) {
            if (broken != null) {
                return;
            }
            entries++;
            if (inFiles) {
                exported++;
            }
            if (e.seq() != expectedSeq) {
                fail(e.seq(), ChainBreak.SEQUENCE_GAP, "expected " + expectedSeq + ", found " + e.seq());
            } else if (!sha256(e.content()).equals(e.sha256())) {
                fail(e.seq(), ChainBreak.CONTENT_CHANGED, "");
            } else if (!chain(previous, e.sha256()).equals(e.chainHash())) {
                fail(e.seq(), ChainBreak.CHAIN_BROKEN, "");
            }
            previous = e.chainHash();
            expectedSeq = e.seq() + 1;
        }

        /** Starts the walk at an entry whose predecessor's chain hash is {@code previousHash}. */
        void startAt(long seq, String previousHash) {
            expectedSeq = seq;
            previous = previousHash;
        }

        void fail(long seq, ChainBreak why, String detail) {
            if (broken == null) {
                broken = seq;
                chainBreak = why;
                this.detail = detail;
            }
        }

        boolean broken() {
            return broken != null;
        }

        long expectedSeq() {
            return expectedSeq;
        }

        String previous() {
            return previous;
        }

        void databaseFrom() {
            inFiles = false;
        }

        Verification result() {
            return new Verification(entries, exported, Optional.ofNullable(broken), Optional.ofNullable(chainBreak), detail);
        }
    }

    static String chain(String previous, String sha) {
        return sha256((previous + sha).getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

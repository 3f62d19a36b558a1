package io.cebgw.server.store;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Every outbound and inbound message's bytes, in a SHA-256 hash chain: each entry's chain hash covers the previous
 * one, so removing, reordering or editing any entry is detected by {@link #verify()} ({@code cebgw archive verify}).
 * Appends are serialised in this process (one gateway instance writes the archive).
 */
public final class Archive {
    public static final String GENESIS = "0".repeat(64);
    public static final String OUT = "OUT";
    public static final String IN = "IN";

    private final ArchiveStore store;
    /** Held from an append until its transaction ends, so the next entry always chains to a committed head. */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private ArchiveStore.Entry last;

    public Archive(ArchiveStore store) {
        this.store = store;
    }

    /** One message to archive. */
    public record Item(String direction, String enterpriseId, String documentId, String copMsgId, byte[] content) {
    }

    public void append(String direction, String enterpriseId, String documentId, String copMsgId, byte[] content, Instant at) {
        appendAll(List.of(new Item(direction, enterpriseId, documentId, copMsgId, content)), at);
    }

    /**
     * Appends the items in order. Inside a transaction the entries commit or roll back with it: the chain head moves
     * only when it committed, and other appends wait until then.
     */
    public void appendAll(List<Item> items, Instant at) {
        lock.lock();
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        boolean handedOver = false;
        try {
            if (last == null) {
                last = store.last();
            }
            ArchiveStore.Entry head = last;
            List<ArchiveStore.Entry> entries = new ArrayList<>(items.size());
            for (Item item : items) {
                String sha = sha256(item.content());
                head = new ArchiveStore.Entry(head.seq() + 1, item.direction(), item.enterpriseId(), item.documentId(), item.copMsgId(), sha,
                        chain(head.chainHash(), sha), item.content(), at);
                entries.add(head);
            }
            try {
                store.insertAll(entries);
            } catch (RuntimeException e) {
                last = null; // re-read the head next time (another writer, or a failed insert)
                throw e;
            }
            // Only the lock holder sees this head until the transaction ends: a later append in the same transaction
            // chains to it; a rollback makes the next append read the committed head again.
            last = new ArchiveStore.Entry(head.seq(), "", null, null, null, "", head.chainHash(), new byte[0], at);
            if (inTransaction) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            last = null;
                        }
                        lock.unlock();
                    }
                });
                handedOver = true;
            }
        } finally {
            if (!handedOver) {
                lock.unlock();
            }
        }
    }

    /** The result of checking the whole chain. */
    public record Verification(long entries, Optional<Long> firstBrokenSeq, String reason) {
        public boolean intact() {
            return firstBrokenSeq.isEmpty();
        }
    }

    public Verification verify() {
        long[] count = {0};
        String[] previous = {GENESIS};
        long[] expectedSeq = {1};
        Long[] broken = {null};
        String[] reason = {""};
        store.forEach(e -> {
            if (broken[0] != null) {
                return;
            }
            count[0]++;
            if (e.seq() != expectedSeq[0]) {
                broken[0] = e.seq();
                reason[0] = "sequence gap: expected " + expectedSeq[0] + ", found " + e.seq();
            } else if (!sha256(e.content()).equals(e.sha256())) {
                broken[0] = e.seq();
                reason[0] = "content changed (its SHA-256 no longer matches)";
            } else if (!chain(previous[0], e.sha256()).equals(e.chainHash())) {
                broken[0] = e.seq();
                reason[0] = "chain broken (an entry before it was removed or altered)";
            }
            previous[0] = e.chainHash();
            expectedSeq[0] = e.seq() + 1;
        });
        return new Verification(count[0], Optional.ofNullable(broken[0]), reason[0]);
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

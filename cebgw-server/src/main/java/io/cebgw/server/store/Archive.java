package io.cebgw.server.store;

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
    private ArchiveStore.Entry last;

    public Archive(ArchiveStore store) {
        this.store = store;
    }

    public synchronized void append(String direction, String enterpriseId, String documentId, String copMsgId, byte[] content, Instant at) {
        if (last == null) {
            last = store.last();
        }
        String sha = sha256(content);
        ArchiveStore.Entry entry = new ArchiveStore.Entry(last.seq() + 1, direction, enterpriseId, documentId, copMsgId, sha,
                chain(last.chainHash(), sha), content, at);
        try {
            store.insert(entry);
        } catch (RuntimeException e) {
            last = null; // re-read the head next time (another writer, or a failed insert)
            throw e;
        }
        last = new ArchiveStore.Entry(entry.seq(), "", null, null, null, "", entry.chainHash(), new byte[0], at);
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

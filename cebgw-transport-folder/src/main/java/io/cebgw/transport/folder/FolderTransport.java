package io.cebgw.transport.folder;

import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Exchange through folders, the layout of the vendor and Single Window clients:
 * <pre>
 *   out/       the enterprise puts envelopes here; the exchange side takes them
 *   sent/      taken by the exchange side
 *   failed/    could not be taken (too large, or the handler failed {@value #ATTEMPTS} times), with a .reason.txt
 *   in/        the exchange side puts receipts here; the enterprise side takes them
 *   received/  taken by the enterprise side
 * </pre>
 * Files are written to a hidden {@code .tmp} folder and renamed into place, so a reader never sees a partial
 * file; names start with a sortable time stamp, so messages are taken in the order they were written. A message
 * is moved away only after the handler returned, so a crash in between delivers it again (at least once).
 */
public final class FolderTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(FolderTransport.class);
    /** How often a failing message is offered to the handler before it is set aside in failed/. */
    public static final int ATTEMPTS = 3;
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final Pattern UNSAFE_IN_NAMES = Pattern.compile("[^A-Za-z0-9._-]");
    /** At most this many files go to a {@link BatchHandler} at once. */
    static final int BATCH = 100;
    /** And at most this many bytes. */
    static final long BATCH_BYTES = 16L << 20;

    /** Which end of the exchange this is. */
    public enum Side {
        /** The gateway: sends into out/, receives from in/. */
        ENTERPRISE("out", "in", "received"),
        /** The exchange platform or the sandbox: receives from out/ (taken to sent/), sends into in/. */
        EXCHANGE("in", "out", "sent");

        private final String sendTo;
        private final String receiveFrom;
        private final String takenTo;

        Side(String sendTo, String receiveFrom, String takenTo) {
            this.sendTo = sendTo;
            this.receiveFrom = receiveFrom;
            this.takenTo = takenTo;
        }
    }

    private final Path root;
    private final Side side;
    private final Duration pollInterval;
    private final long maxBytes;
    private final Map<Path, Integer> failures = new HashMap<>();
    private volatile Thread poller;

    /**
     * @param root         the exchange folder (created with its sub-folders if missing)
     * @param pollInterval how often the inbound folder is looked at
     * @param maxBytes     larger inbound files go to failed/ unread
     */
    public FolderTransport(Path root, Side side, Duration pollInterval, long maxBytes) throws TransportException {
        this.root = root.toAbsolutePath();
        this.side = side;
        this.pollInterval = pollInterval;
        this.maxBytes = maxBytes;
        try {
            for (String dir : List.of("out", "sent", "failed", "in", "received")) {
                Files.createDirectories(this.root.resolve(dir).resolve(".tmp"));
            }
        } catch (IOException e) {
            throw new TransportException("cannot create the exchange folders under " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return "folder:" + root;
    }

    @Override
    public void send(Envelope envelope) throws TransportException {
        Path dir = root.resolve(side.sendTo);
        String name = envelope.sequence() >= 0 ? sequencedName(envelope) : fileName(envelope.id());
        if (envelope.sequence() >= 0 && alreadySent(name)) {
            return; // the same message was written before (a retry after a crash): never deliver it twice
        }
        Path temp = dir.resolve(".tmp").resolve(name + ".part");
        try {
            Files.write(temp, envelope.bytes());
            moveAtomically(temp, dir.resolve(name));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp folder is ignored by readers; a leftover part file is harmless
            }
            throw new TransportException("cannot write " + name + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start(Handler handler) {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        Thread thread = new Thread(() -> poll(handler), "folder-transport-" + side.name().toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        poller = thread;
        thread.start();
    }

    /**
     * Takes every waiting message once, in order; for tests and for a final drain. Returns how many were taken. A
     * {@link BatchHandler} gets them in batches of up to {@value #BATCH} files and {@value #BATCH_BYTES} bytes; a batch
     * it refuses is offered again one file at a time.
     */
    public int pollOnce(Handler handler) {
        int taken = 0;
        List<Path> waiting = waiting();
        if (handler instanceof BatchHandler batchHandler && waiting.size() > 1) {
            List<Path> rest = new ArrayList<>();
            for (List<Path> batch : batches(waiting)) {
                if (batch.size() > 1 && takeAll(batch, batchHandler)) {
                    taken += batch.size();
                } else {
                    rest.addAll(batch);
                }
            }
            waiting = rest;
        }
        for (Path file : waiting) {
            if (take(file, handler)) {
                taken++;
            }
        }
        return taken;
    }

    /**
     * Consecutive runs of files within the batch limits. A file over the size limit stands alone, so that
     * {@link #take} sets it aside.
     */
    private List<List<Path>> batches(List<Path> files) {
        List<List<Path>> batches = new ArrayList<>();
        List<Path> batch = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            long size = sizeOf(file);
            if (!batch.isEmpty() && (batch.size() == BATCH || bytes + size > BATCH_BYTES || size > maxBytes)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(file);
            bytes += size;
            if (size > maxBytes) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // gone or unreadable: take() will say so
        }
    }

    /** The whole batch to the handler at once; false (nothing moved) when any file cannot be read or the handler refused. */
    private boolean takeAll(List<Path> batch, BatchHandler handler) {
        List<Envelope> envelopes = new ArrayList<>(batch.size());
        try {
            for (Path file : batch) {
                envelopes.add(new Envelope(idOf(file.getFileName().toString()), Files.readAllBytes(file)));
            }
            handler.acceptAll(envelopes);
        } catch (Exception e) {
            LOG.info("folder transport: a batch of {} was refused ({}); offering them one at a time", batch.size(), e);
            return false;
        }
        for (Path file : batch) {
            try {
                moveAtomically(file, root.resolve(side.takenTo).resolve(file.getFileName().toString()));
                failures.remove(file);
            } catch (IOException e) {
                LOG.warn("folder transport: {} was taken but could not be moved to {}/: {}", file.getFileName(), side.takenTo, e.getMessage());
            }
        }
        return true;
    }

    private void poll(Handler handler) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pollOnce(handler);
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("folder transport {}: {}", root, e.getMessage(), e);
            }
        }
    }

    private List<Path> waiting() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root.resolve(side.receiveFrom))) {
            for (Path p : dir) {
                if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", root.resolve(side.receiveFrom), e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private boolean take(Path file, Handler handler) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                setAside(file, "too large: " + size + " bytes (limit " + maxBytes + ")");
                return false;
            }
            byte[] bytes = Files.readAllBytes(file);
            handler.accept(new Envelope(idOf(name), bytes));
            moveAtomically(file, root.resolve(side.takenTo).resolve(name));
            failures.remove(file);
            return true;
        } catch (java.nio.file.NoSuchFileException gone) {
            return false; // taken by another reader in the meantime
        } catch (Exception e) {
            int attempts = failures.merge(file, 1, Integer::sum);
            LOG.warn("folder transport: {} failed ({}/{}): {}", name, attempts, ATTEMPTS, e);
            if (attempts >= ATTEMPTS) {
                failures.remove(file);
                setAside(file, "handler failed " + ATTEMPTS + " times: " + e);
            }
            return false;
        }
    }

    private void setAside(Path file, String reason) {
        Path failed = root.resolve("failed").resolve(file.getFileName().toString());
        try {
            moveAtomically(file, failed);
            Files.writeString(failed.resolveSibling(failed.getFileName() + ".reason.txt"), reason + "\n", StandardCharsets.UTF_8);
            LOG.warn("folder transport: set aside {}: {}", failed, reason);
        } catch (IOException e) {
            LOG.warn("folder transport: cannot set aside {}: {}", file, e.getMessage());
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * {@code S<sequence>-<id>.xml}: the same name on every attempt, sortable by the sender's sequence. Only one
     * writer per folder uses sequences (the gateway's outbox), so they sort among themselves.
     */
    static String sequencedName(Envelope envelope) {
        return String.format("S%015d-%s.xml", envelope.sequence(), safe(envelope.id()));
    }

    /** Whether a sequenced message is already where the peer looks for it, or where it puts what it took. */
    private boolean alreadySent(String name) {
        String takenBy = side == Side.ENTERPRISE ? "sent" : "received";
        return Files.exists(root.resolve(side.sendTo).resolve(name)) || Files.exists(root.resolve(takenBy).resolve(name))
                || Files.exists(root.resolve("failed").resolve(name));
    }

    private static String safe(String id) {
        String safe = UNSAFE_IN_NAMES.matcher(id).replaceAll("_");
        return safe.length() > 120 ? safe.substring(0, 120) : safe;
    }

    /** {@code yyyyMMddHHmmssSSS-seq-id.xml}: sortable by time, unique, safe on every file system. */
    static String fileName(String id) {
        String safe = safe(id);
        String stamp = LocalDateTime.now().format(FILE_STAMP);
        return stamp + "-" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000) + "-" + safe + ".xml";
    }

    /** The id part of a file name written by {@link #fileName}, or the whole name for files from elsewhere. */
    static String idOf(String name) {
        String base = name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
        if (base.length() > 17 && base.charAt(0) == 'S' && base.charAt(16) == '-') {
            return base.substring(17);
        }
        String[] parts = base.split("-", 3);
        return parts.length == 3 && parts[0].length() == 17 && parts[1].length() == 6 ? parts[2] : base;
    }

    @Override
    public synchronized void close() {
        Thread thread = poller;
        poller = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

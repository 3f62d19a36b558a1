package io.cebgw.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * One retention export: a ZIP file an operator can open with any tool — {@code messages/<seq>-<OUT|IN>.xml} holds
 * each archived message's bytes as they were sent or received, {@code index.jsonl} one line per entry (sequence,
 * direction, enterprise, document, CopMsgId, SHA-256, chain hash, time, file), {@code receipts.jsonl} the receipt rows
 * exported with it, {@code manifest.json} the range and the chain hashes at both ends.
 */
public final class ArchiveExportFile implements AutoCloseable {
    static final String INDEX = "index.jsonl";
    static final String RECEIPTS = "receipts.jsonl";
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path index;
    private final Path receipts;
    private final ZipOutputStream zip;
    private final BufferedWriter indexLines;
    private final BufferedWriter receiptLines;
    private long entries;
    private long receiptCount;

    private ArchiveExportFile(Path file) throws IOException {
        this.file = file;
        this.index = Files.createTempFile(file.getParent(), ".index", ".tmp");
        this.receipts = Files.createTempFile(file.getParent(), ".receipts", ".tmp");
        this.zip = new ZipOutputStream(Files.newOutputStream(file));
        this.indexLines = Files.newBufferedWriter(index, StandardCharsets.UTF_8);
        this.receiptLines = Files.newBufferedWriter(receipts, StandardCharsets.UTF_8);
    }

    /** Starts writing an export to {@code file} (which must not exist). */
    public static ArchiveExportFile create(Path file) {
        try {
            return new ArchiveExportFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name an entry's message has inside the file. */
    static String messageName(long seq, String direction) {
        return "messages/%012d-%s.xml".formatted(seq, direction);
    }

    public void add(ArchiveStore.Entry e) {
        try {
            String name = messageName(e.seq(), e.direction());
            zip.putNextEntry(new ZipEntry(name));
            zip.write(e.content());
            zip.closeEntry();
            ObjectNode line = JSON.createObjectNode().put("seq", e.seq()).put("direction", e.direction()).put("enterpriseId", e.enterpriseId())
                    .put("documentId", e.documentId()).put("copMsgId", e.copMsgId()).put("sha256", e.sha256()).put("chainHash", e.chainHash())
                    .put("at", e.at().toString()).put("file", name);
            indexLines.write(JSON.writeValueAsString(line));
            indexLines.newLine();
            entries++;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** A receipt row (column name → value) exported with the entries. */
    public void addReceipt(Map<String, Object> row) {
        try {
            receiptLines.write(JSON.writeValueAsString(row));
            receiptLines.newLine();
            receiptCount++;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    public long entries() {
        return entries;
    }

    public long receipts() {
        return receiptCount;
    }

    /** Finishes the file with its index, receipts and manifest, flushed to the disk; returns its SHA-256. */
    public String finish(ArchiveStore.Export range) {
        try {
            indexLines.close();
            receiptLines.close();
            copy(INDEX, index);
            copy(RECEIPTS, receipts);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("firstSeq", range.firstSeq(), "lastSeq", range.lastSeq(),
                    "previousHash", range.previousHash(), "lastChainHash", range.lastChainHash(), "entries", entries, "receipts", receiptCount,
                    "exportedAt", range.exportedAt().toString())));
            zip.closeEntry();
            zip.finish();
            zip.close();
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    private void copy(String name, Path from) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(from, zip);
        zip.closeEntry();
    }

    /** Removes the temporary files (and, if not finished, leaves the partial ZIP for the caller to delete). */
    @Override
    public void close() {
        try {
            indexLines.close();
            receiptLines.close();
            zip.close();
            Files.deleteIfExists(index);
            Files.deleteIfExists(receipts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks an exported file as a part of the chain: it is there and unchanged (its SHA-256 as recorded), and its
     * entries continue the walk and end where the export row says.
     */
    static void verify(Path file, ArchiveStore.Export export, Archive.ChainWalk walk) {
        if (!Files.isRegularFile(file)) {
            walk.fail(export.firstSeq(), ChainBreak.FILE_MISSING, file.toAbsolutePath().toString());
            return;
        }
        if (!sha256(file).equals(export.fileSha256())) {
            walk.fail(export.firstSeq(), ChainBreak.FILE_CHANGED, file.getFileName().toString());
            return;
        }
        if (!walk.previous().equals(export.previousHash())) {
            walk.fail(export.firstSeq(), ChainBreak.CHAIN_BROKEN, "before the exported file " + file.getFileName());
            return;
        }
        try {
            readEntries(file, e -> true, walk::visit);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            walk.fail(walk.expectedSeq(), ChainBreak.FILE_UNREADABLE, file.getFileName() + ": " + e.getMessage());
            return;
        }
        if (!walk.broken() && (walk.expectedSeq() - 1 != export.lastSeq() || !walk.previous().equals(export.lastChainHash()))) {
            walk.fail(walk.expectedSeq(), ChainBreak.FILE_UNREADABLE, file.getFileName() + " ends before entry " + export.lastSeq());
        }
    }

    /** The entries of an exported file that name this document or CopMsgId, with their messages. */
    public static List<ArchiveStore.Entry> find(Path file, String documentOrCopMsgId) {
        List<ArchiveStore.Entry> found = new ArrayList<>();
        readEntries(file, line -> documentOrCopMsgId.equals(line.path("documentId").asText(null))
                || documentOrCopMsgId.equals(line.path("copMsgId").asText(null)), found::add);
        return found;
    }

    /** The receipt rows of an exported file that belong to this document. */
    public static List<JsonNode> receiptsOf(Path file, String documentId) {
        List<JsonNode> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile()); BufferedReader lines = reader(zip, RECEIPTS)) {
            for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                JsonNode row = JSON.readTree(l);
                if (documentId.equals(row.path("document_id").asText(null))) {
                    found.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The id of each receipt row exported in the file. */
    static void forEachReceiptId(Path file, java.util.function.LongConsumer visitor) {
        try (ZipFile zip = new ZipFile(file.toFile()); BufferedReader lines = reader(zip, RECEIPTS)) {
            for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                visitor.accept(JSON.readTree(l).path("id").asLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readEntries(Path file, java.util.function.Predicate<JsonNode> wanted, Consumer<ArchiveStore.Entry> visitor) {
        try (ZipFile zip = new ZipFile(file.toFile()); BufferedReader lines = reader(zip, INDEX)) {
            for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                JsonNode line = JSON.readTree(l);
                if (!wanted.test(line)) {
                    continue;
                }
                ZipEntry message = zip.getEntry(line.path("file").asText());
                byte[] content;
                try (InputStream in = message == null ? InputStream.nullInputStream() : zip.getInputStream(message)) {
                    content = in.readAllBytes();
                }
                visitor.accept(new ArchiveStore.Entry(line.path("seq").asLong(), line.path("direction").asText(), line.path("enterpriseId").asText(null),
                        line.path("documentId").asText(null), line.path("copMsgId").asText(null), line.path("sha256").asText(),
                        line.path("chainHash").asText(), content, Instant.parse(line.path("at").asText())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader reader(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(zip.getName() + " has no " + name + ": not an archive export");
        }
        return new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

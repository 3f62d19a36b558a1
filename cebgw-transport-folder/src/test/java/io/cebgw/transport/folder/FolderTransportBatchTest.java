package io.cebgw.transport.folder;

import io.cebgw.core.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages waiting together go to a batch handler in one call; a refused batch is offered again one at a time. */
class FolderTransportBatchTest {
    @TempDir
    Path dir;

    /** Records what it took, in one call or one by one; refuses any batch or message whose text contains "bad". */
    static final class Recorder implements Transport.BatchHandler {
        final List<List<String>> batches = new ArrayList<>();
        final List<String> singles = new ArrayList<>();

        @Override
        public void acceptAll(List<Transport.Envelope> envelopes) {
            List<String> texts = envelopes.stream().map(e -> new String(e.bytes(), StandardCharsets.UTF_8)).toList();
            if (texts.stream().anyMatch(t -> t.contains("bad"))) {
                throw new IllegalStateException("a bad message in the batch");
            }
            batches.add(texts);
        }

        @Override
        public void accept(Transport.Envelope envelope) {
            String text = new String(envelope.bytes(), StandardCharsets.UTF_8);
            if (text.contains("bad")) {
                throw new IllegalStateException("bad message");
            }
            singles.add(text);
        }

        List<String> all() {
            List<String> all = new ArrayList<>();
            batches.forEach(all::addAll);
            all.addAll(singles);
            return all;
        }
    }

    private void send(int count, String prefix) throws Exception {
        FolderTransport exchange = new FolderTransport(dir, FolderTransport.Side.EXCHANGE, Duration.ofMillis(10), 1 << 20);
        for (int i = 0; i < count; i++) {
            exchange.send(new Transport.Envelope(String.format("%s%04d", prefix, i), String.format("%s%04d", prefix, i).getBytes(StandardCharsets.UTF_8),
                    i + 1));
        }
    }

    private FolderTransport enterprise() throws Exception {
        return new FolderTransport(dir, FolderTransport.Side.ENTERPRISE, Duration.ofMillis(10), 1 << 20);
    }

    @Test
    void messagesWaitingTogetherAreTakenInOneCallInOrder() throws Exception {
        send(5, "m");
        Recorder handler = new Recorder();
        assertThat(enterprise().pollOnce(handler)).isEqualTo(5);
        assertThat(handler.batches).containsExactly(List.of("m0000", "m0001", "m0002", "m0003", "m0004"));
        assertThat(handler.singles).isEmpty();
        try (var in = Files.list(dir.resolve("in"))) {
            assertThat(in.filter(Files::isRegularFile)).isEmpty();
        }
        try (var received = Files.list(dir.resolve("received"))) {
            assertThat(received.filter(Files::isRegularFile).count()).isEqualTo(5);
        }
    }

    @Test
    void batchesAreLimitedInSize() throws Exception {
        send(FolderTransport.BATCH + 20, "m");
        Recorder handler = new Recorder();
        assertThat(enterprise().pollOnce(handler)).isEqualTo(FolderTransport.BATCH + 20);
        assertThat(handler.batches).hasSize(2);
        assertThat(handler.batches.get(0)).hasSize(FolderTransport.BATCH);
        assertThat(handler.all()).hasSize(FolderTransport.BATCH + 20).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aFileOverTheSizeLimitIsSetAsideAndTheOthersAreTaken() throws Exception {
        send(2, "a");
        FolderTransport exchange = new FolderTransport(dir, FolderTransport.Side.EXCHANGE, Duration.ofMillis(10), 1 << 20);
        exchange.send(new Transport.Envelope("big", "x".repeat(500).getBytes(StandardCharsets.UTF_8), 1));
        send(2, "z");
        Recorder handler = new Recorder();
        FolderTransport enterprise = new FolderTransport(dir, FolderTransport.Side.ENTERPRISE, Duration.ofMillis(10), 100);
        assertThat(enterprise.pollOnce(handler)).isEqualTo(4);
        assertThat(handler.all()).containsExactlyInAnyOrder("a0000", "a0001", "z0000", "z0001");
        try (var failed = Files.list(dir.resolve("failed"))) {
            assertThat(failed.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("big.xml.reason.txt"));
        }
    }

    @Test
    void aRefusedBatchIsOfferedOneAtATimeAndOnlyTheBadMessageIsSetAside() throws Exception {
        send(2, "good-a");
        send(1, "bad");
        send(2, "good-z");
        Recorder handler = new Recorder();
        FolderTransport enterprise = enterprise();
        for (int poll = 0; poll < FolderTransport.ATTEMPTS; poll++) {
            enterprise.pollOnce(handler);
        }
        assertThat(handler.batches).isEmpty();
        assertThat(handler.singles).containsExactlyInAnyOrder("good-a0000", "good-a0001", "good-z0000", "good-z0001");
        try (var failed = Files.list(dir.resolve("failed"))) {
            assertThat(failed.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("bad0000") && n.endsWith(".xml"));
        }
        try (var in = Files.list(dir.resolve("in"))) {
            assertThat(in.filter(Files::isRegularFile)).isEmpty();
        }
    }
}

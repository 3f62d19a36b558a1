package io.cebgw.core.transport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The contract of transports that talk to a peer over the network, plus timeouts: facing a peer that accepts the
 * connection and then never answers, connecting or sending fails with a {@link TransportException} within the
 * transport's timeout (bounded here by a minute) — it neither hangs nor reports the message as sent.
 */
public abstract class NetworkTransportContract extends TransportContract {
    /** An enterprise end configured for {@code 127.0.0.1:port} with the given timeout (opening it may already fail). */
    protected abstract Transport enterpriseEndFacing(int port, Duration timeout) throws TransportException;

    @Test
    void aPeerThatNeverAnswersTimesOut() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never read from or written to
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-peer");
            acceptor.setDaemon(true);
            acceptor.start();
            TransportException failure = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (Transport facing = enterpriseEndFacing(silent.getLocalPort(), Duration.ofSeconds(2))) {
                    facing.send(new Transport.Envelope("LATE", "<late/>".getBytes(StandardCharsets.UTF_8), 1));
                    return null;
                } catch (TransportException e) {
                    return e;
                }
            }, "the transport hung on a peer that never answers");
            assertThat(failure).as("a send to a silent peer must fail, never count as sent").isNotNull();
            assertThat(failure.transientFailure()).as("worth retrying later").isTrue();
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}

package io.cebgw.transport.http;

import io.cebgw.core.problem.TransportProblem;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The enterprise end of the regional HTTP style: each envelope is posted to {@code <url>/cebcmsg} and counts as sent
 * only when the gateway answered {@code OK}; receipts are polled from {@code <url>/receipts?dxpid=…&after=…} and the
 * position advances only past receipts the handler took. With {@code cursorFile} the position survives restarts.
 */
public final class HttpTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final URI base;
    private final String dxpId;
    private final String token;
    private final Duration timeout;
    private final Duration poll;
    private final Path cursorFile;
    private final HttpClient client;
    private ScheduledExecutorService poller;
    private long cursor;
    private volatile boolean warned;

    /**
     * @param base       the gateway, e.g. {@code https://eport.example/ceb}
     * @param dxpId      this enterprise's DXPID (the sender, and whose receipts to poll)
     * @param token      sent as {@code Authorization: Bearer …} when not null (never logged)
     * @param timeout    connect and answer timeout of every request
     * @param poll       time between receipt polls
     * @param cursorFile where the receipt position is kept (null: memory only, receipts are polled from the start)
     */
    public HttpTransport(URI base, String dxpId, String token, Duration timeout, Duration poll, Path cursorFile) throws TransportException {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.dxpId = dxpId;
        this.token = token;
        this.timeout = timeout;
        this.poll = poll;
        this.cursorFile = cursorFile;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.cursor = readCursor();
    }

    @Override
    public String name() {
        return "http:" + base;
    }

    @Override
    public void send(Envelope envelope) throws TransportException {
        HttpResponse<String> response;
        try {
            response = client.send(request("cebcmsg").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(HttpMessages.declaration(envelope, dxpId))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransportException("the HTTP gateway " + base + " did not take " + envelope.id() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while sending " + envelope.id(), e);
        }
        if (response.statusCode() != 200 || !"OK".equals(response.body().strip())) {
            throw refusal(response, envelope);
        }
    }

    @Override
    public synchronized void start(Handler handler) {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cebgw-http-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> pollOnce(handler), 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One poll: hands every new receipt to the handler in order, stopping at the first it refuses. */
    void pollOnce(Handler handler) {
        List<HttpMessages.Held> receipts;
        try {
            HttpResponse<byte[]> response = client.send(request("receipts?dxpid=" + URLEncoder.encode(dxpId == null ? "" : dxpId, StandardCharsets.UTF_8)
                    + "&after=" + cursor + "&max=100").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            receipts = HttpMessages.readReceipts(response.body());
            warned = false;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                LOG.warn("http: cannot poll receipts from {} (retrying every {} ms): {}", base, poll.toMillis(), e);
                warned = true;
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (HttpMessages.Held receipt : receipts) {
            try {
                handler.accept(new Envelope(receipt.id(), receipt.bytes()));
            } catch (Exception e) {
                LOG.warn("http: receipt {} not taken; offered again next poll", receipt.id(), e);
                return;
            }
            cursor = receipt.seq();
            writeCursor();
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private long readCursor() throws TransportException {
        if (cursorFile == null || !Files.exists(cursorFile)) {
            return 0;
        }
        try {
            return Long.parseLong(Files.readString(cursorFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new TransportException(TransportProblem.CURSOR_FILE.with(cursorFile));
        }
    }

    private void writeCursor() {
        if (cursorFile == null) {
            return;
        }
        try {
            Path temp = cursorFile.resolveSibling(cursorFile.getFileName() + ".tmp");
            Files.writeString(temp, Long.toString(cursor));
            Files.move(temp, cursorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("http: cannot keep the receipt position in {}: {}", cursorFile, e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    /**
     * What an answer other than {@code 200 OK} means: refused credentials (401, 403), no such address (404), a message
     * too large (413) and any other client error are for good; server errors and an unexpected body pass.
     */
    private TransportException refusal(HttpResponse<String> response, Envelope envelope) {
        String body = response.body().strip();
        String said = response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        return switch (response.statusCode()) {
            case 401, 403 -> new TransportException(TransportProblem.CREDENTIALS_REFUSED.with("HTTP " + base, said));
            case 404 -> new TransportException(TransportProblem.DESTINATION_UNKNOWN.with("HTTP " + base, "cebcmsg", said));
            case 413 -> new TransportException(TransportProblem.MESSAGE_TOO_LARGE.with(envelope.id(), envelope.bytes().length, said));
            default -> response.statusCode() >= 400 && response.statusCode() < 500 && response.statusCode() != 408 && response.statusCode() != 429
                    ? new TransportException(TransportProblem.PEER_REFUSED.with(envelope.id(), said))
                    : new TransportException("the HTTP gateway answered " + said + " to " + envelope.id());
        };
    }
}

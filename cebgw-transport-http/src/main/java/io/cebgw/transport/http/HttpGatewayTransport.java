package io.cebgw.transport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cebgw.core.finding.Localized;
import io.cebgw.core.problem.GatewayProblem;
import io.cebgw.core.problem.Problem;
import io.cebgw.core.transport.HandledIds;
import io.cebgw.core.transport.Transport;
import io.cebgw.core.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The gateway end of the regional HTTP style, as the sandbox plays it: takes posted declarations ({@code POST
 * /cebcmsg}, answered {@code OK} only once the handler took the message; a resent sequenced message is answered
 * {@code OK} without being handed over again) and holds receipts for polling ({@code GET /receipts?after=n}).
 * Receipts are held in memory: a sandbox's receipts do not outlive it.
 */
public final class HttpGatewayTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpGatewayTransport.class);

    static {
        // the JDK server leaves Nagle's algorithm on by default: every answer on a kept-alive connection then waits for
        // the client's delayed ACK (about 40 ms). Read once, when the first server of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final String token;
    private final long maxBytes;
    private final List<HttpMessages.Held> receipts = new ArrayList<>();
    private final HandledIds handled = new HandledIds();
    private volatile Handler handler;

    public HttpGatewayTransport(InetSocketAddress bind, String token, long maxBytes) throws TransportException {
        this(bind, "", token, maxBytes);
    }

    /** Serving under {@code path} (the path of the gateway's address, e.g. {@code /ceb}: {@code /ceb/cebcmsg}). */
    public HttpGatewayTransport(InetSocketAddress bind, String path, String token, long maxBytes) throws TransportException {
        String prefix = path == null ? "" : path.replaceAll("/+$", "");
        this.token = token;
        this.maxBytes = maxBytes;
        try {
            server = HttpServer.create(bind, 64);
        } catch (IOException e) {
            throw new TransportException("cannot listen on " + bind + ": " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "cebgw-http-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(prefix + "/cebcmsg", this::declaration);
        server.createContext(prefix + "/receipts", this::poll);
        server.start();
    }

    /** The port listened on (for a bind to port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public String name() {
        return "http-gateway:" + server.getAddress();
    }

    /** Holds a receipt for the enterprise to poll. */
    @Override
    public synchronized void send(Envelope envelope) {
        receipts.add(new HttpMessages.Held(receipts.size() + 1L, envelope.id(), envelope.bytes()));
    }

    @Override
    public void start(Handler handler) {
        if (this.handler != null) {
            throw new IllegalStateException("already started");
        }
        this.handler = handler;
    }

    private void declaration(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                refuse(exchange, GatewayProblem.HTTP_POST_ONLY.with());
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            if (body == null) {
                refuse(exchange, GatewayProblem.HTTP_TOO_LARGE.with(maxBytes));
                return;
            }
            HttpMessages.Posted posted;
            try {
                posted = HttpMessages.readDeclaration(body);
            } catch (IOException e) {
                refuse(exchange, GatewayProblem.HTTP_BAD_BODY.with(new Localized("请求体不是有效的报文 JSON：" + e.getMessage(),
                        "the body is not a valid message JSON: " + e.getMessage())));
                return;
            }
            Handler current = handler;
            if (current == null) {
                refuse(exchange, GatewayProblem.HTTP_NOT_RECEIVING.with());
                return;
            }
            synchronized (handled) { // one declaration at a time: a copy arriving meanwhile waits and is then recognised
                if (handled.seen(posted.wireId())) {
                    answer(exchange, 200, "OK");
                    return;
                }
                try {
                    current.accept(new Envelope(posted.id(), posted.bytes()));
                } catch (Exception e) {
                    LOG.warn("http-gateway: {} not taken", posted.id(), e);
                    refuse(exchange, GatewayProblem.HTTP_NOT_RECEIVING.with());
                    return;
                }
                if (!posted.wireId().equals(posted.id())) { // sequenced: a resend will carry the same name
                    handled.remember(posted.wireId());
                }
            }
            answer(exchange, 200, "OK");
        }
    }

    private void poll(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                return;
            }
            long after = 0;
            int max = 100;
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                try {
                    if (kv[0].equals("after") && kv.length == 2) {
                        after = Long.parseLong(kv[1]);
                    } else if (kv[0].equals("max") && kv.length == 2) {
                        max = Math.max(1, Math.min(1000, Integer.parseInt(kv[1])));
                    }
                } catch (NumberFormatException e) {
                    refuse(exchange, GatewayProblem.HTTP_BAD_BODY.with(new Localized("after 和 max 须为整数", "after and max must be whole numbers")));
                    return;
                }
            }
            List<HttpMessages.Held> batch;
            synchronized (this) {
                int from = (int) Math.max(0, Math.min(after, receipts.size()));
                batch = List.copyOf(receipts.subList(from, Math.min(receipts.size(), from + max)));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            byte[] body = HttpMessages.receipts(batch);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (token == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), ("Bearer " + token).getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        refuse(exchange, GatewayProblem.HTTP_TOKEN.with());
        return false;
    }

    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return body.length > maxBytes ? null : body;
    }

    /** A refusal as JSON ({@code code}, {@code message}, {@code messageEn}) with the status the problem registry gives it. */
    private static void refuse(HttpExchange exchange, Problem problem) throws IOException {
        answer(exchange, problem.code().httpStatus(), HttpMessages.JSON.writeValueAsString(Map.of("code", problem.code().code(),
                "message", problem.zh(), "messageEn", problem.en())));
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", text.startsWith("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

package io.cebgw.crypto.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of the E-Port card control (中国电子口岸客户端控件) JSON WebSocket API, by default on
 * {@code ws://127.0.0.1:61232}, or a card PC on the LAN behind a port proxy. One connection, one request at a
 * time (the card signs sequentially); a broken connection is reopened on the next request, once.
 * Requests: {@code {"_method":"cus-sec_…","_id":n,"args":{…}}}; answers carry {@code _status} and
 * {@code _args: {Result, Data[], Error[]}}.
 */
public final class CardClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private volatile WebSocket socket;

    public CardClient(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI uri() {
        return uri;
    }

    /**
     * Calls one method and returns {@code _args.Data}; a card error ({@code Result false}) becomes an exception
     * with the card's own message.
     */
    public synchronized JsonNode call(String method, Map<String, String> args) throws CardRequestException {
        try {
            return callOnce(method, args);
        } catch (CardRequestException e) {
            if (!e.connection()) {
                throw e;
            }
            disconnect();
            return callOnce(method, args);
        }
    }

    private JsonNode callOnce(String method, Map<String, String> args) throws CardRequestException {
        WebSocket ws = connect();
        int id = ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("_method", method).put("_id", id);
        ObjectNode argNode = request.putObject("args");
        args.forEach(argNode::put);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            ws.sendText(JSON.writeValueAsString(request), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return data(method, response);
        } catch (TimeoutException e) {
            throw new CardRequestException("no answer to " + method + " within " + timeout.toSeconds() + " s", true, e);
        } catch (ExecutionException e) {
            throw new CardRequestException("connection lost during " + method + ": " + e.getCause().getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardRequestException("interrupted", true, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } finally {
            pending.remove(id);
        }
    }

    private static JsonNode data(String method, JsonNode response) throws CardRequestException {
        JsonNode args = response.path("_args");
        boolean ok = "00".equals(response.path("_status").asText()) && args.path("Result").asBoolean(false);
        if (!ok) {
            StringBuilder errors = new StringBuilder();
            args.path("Error").forEach(e -> errors.append(errors.length() == 0 ? "" : "; ").append(e.asText()));
            throw new CardRequestException(method + ": " + (errors.length() == 0 ? "_status " + response.path("_status").asText()
                    : errors), false, null);
        }
        return args.path("Data");
    }

    private WebSocket connect() throws CardRequestException {
        if (socket != null && !socket.isOutputClosed() && !socket.isInputClosed()) {
            return socket;
        }
        Listener listener = new Listener();
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, listener)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            listener.opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            socket = ws;
            return ws;
        } catch (ExecutionException | TimeoutException e) {
            disconnect();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CardRequestException("cannot reach the card client at " + uri + ": " + cause.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardRequestException("interrupted", true, e);
        }
    }

    private void disconnect() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("disconnected")));
    }

    @Override
    public synchronized void close() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS).exceptionally(e -> null);
            ws.abort();
        }
    }

    /**
     * Collects text frames into messages; the server's {@code open} greeting unlocks requests. A listener of a
     * connection that has since been replaced fails nothing but its own greeting.
     */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private final CompletableFuture<Void> opened = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if ("open".equals(message.path("_method").asText())) {
                    opened.complete(null);
                    return;
                }
                CompletableFuture<JsonNode> waiting = pending.get(message.path("_id").asInt(-1));
                if (waiting != null) {
                    waiting.complete(message);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("garbled answer from the card client")));
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failAll(webSocket, "closed by the card client (" + statusCode + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll(webSocket, String.valueOf(error.getMessage()));
        }

        private void failAll(WebSocket webSocket, String why) {
            opened.completeExceptionally(new IllegalStateException(why));
            if (webSocket == socket) {
                pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(why)));
            }
        }
    }
}

package io.cebgw.crypto.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.key.SigningKey;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the E-Port card client (中国电子口岸客户端控件) on a local port with a soft key: the same JSON protocol
 * (an {@code open} greeting, {@code cus-sec_*} methods, {@code _status}/{@code _args}), the PIN check, and faults
 * on demand (a dropped connection, a request left unanswered, a delay).
 */
public final class FakeCardService extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SigningKey key;
    private final String pin;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger signatures = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean dropNext;
    private volatile boolean ignoreNext;

    public FakeCardService(SigningKey key, String pin) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.key = key;
        this.pin = pin;
        setReuseAddr(true);
    }

    /** Starts and waits until the port is bound. */
    public FakeCardService startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake card service did not start");
        }
        return this;
    }

    public String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    public int signatures() {
        return signatures.get();
    }

    public int connections() {
        return connections.get();
    }

    /** Closes the connection on the next request instead of answering it. */
    public void dropNextRequest() {
        dropNext = true;
    }

    /** Leaves the next request unanswered (the client must time out). */
    public void ignoreNextRequest() {
        ignoreNext = true;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.incrementAndGet();
        conn.send("{\"_method\":\"open\",\"_status\":\"00\",\"_args\":{\"Result\":true,\"Data\":[],\"Error\":[]}}");
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (dropNext) {
            dropNext = false;
            conn.close();
            return;
        }
        if (ignoreNext) {
            ignoreNext = false;
            return;
        }
        try {
            JsonNode request = JSON.readTree(message);
            ObjectNode response = JSON.createObjectNode().put("_id", request.path("_id").asInt())
                    .put("_method", request.path("_method").asText()).put("_status", "00");
            ObjectNode args = response.putObject("_args");
            ArrayNode data = args.putArray("Data");
            ArrayNode errors = args.putArray("Error");
            boolean ok = answer(request.path("_method").asText(), request.path("args"), data, errors);
            args.put("Result", ok);
            conn.send(JSON.writeValueAsString(response));
        } catch (Exception e) {
            conn.send("{\"_status\":\"99\",\"_args\":{\"Result\":false,\"Data\":[],\"Error\":[\"bad request\"]}}");
        }
    }

    private boolean answer(String method, JsonNode args, ArrayNode data, ArrayNode errors)
            throws CertificateEncodingException, SigningException {
        switch (method) {
            case "cus-sec_SpcGetSignCertAsPEM" -> data.add(Base64.getEncoder().encodeToString(key.certificate().getEncoded()));
            case "cus-sec_SpcGetCertNo" -> data.add(key.certNo());
            case "cus-sec_SpcSignDataAsPEM" -> {
                if (!pin.equals(args.path("passwd").asText())) {
                    errors.add("[卡口令]口令不正确，剩余重试次数 9").add("Err:Custom50225");
                    return false;
                }
                signatures.incrementAndGet();
                byte[] value = key.sign(args.path("inData").asText().getBytes(StandardCharsets.UTF_8));
                data.add(Base64.getEncoder().encodeToString(value)).add(key.certNo());
            }
            default -> {
                errors.add("未知的方法 " + method);
                return false;
            }
        }
        return true;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    public void stopQuietly() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

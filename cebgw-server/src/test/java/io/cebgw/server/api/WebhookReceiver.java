package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ERP's webhook endpoint on this machine: checks each request's signature against the path's secret (its own HMAC,
 * not the gateway's code), keeps what it got, and answers 500 on purpose while told to fail.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived, and whether its signature held. */
    public record Received(String path, JsonNode event, Map<String, String> headers, boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final Map<String, String> secrets = new ConcurrentHashMap<>();
    /** Per path: how many more requests to answer with 500 (Integer.MAX_VALUE: always). */
    public final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String path = x.getRequestURI().getPath();
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        x.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
        boolean valid = valid(secrets.get(path), headers.get("X-Cebgw-Signature"), body);
        AtomicInteger failing = failures.get(path);
        int status = !valid ? 401 : failing != null && failing.getAndDecrement() > 0 ? 500 : 204;
        received.add(new Received(path, JSON.readTree(body), headers, valid, status));
        x.sendResponseHeaders(status, -1);
        x.close();
    }

    /** t=…,v1=… : HMAC-SHA256 over "t." + body, within five minutes of now. */
    static boolean valid(String secret, String header, byte[] body) {
        if (secret == null || header == null) {
            return false;
        }
        Map<String, String> parts = new java.util.HashMap<>();
        for (String p : header.split(",")) {
            String[] kv = p.split("=", 2);
            parts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        try {
            long t = Long.parseLong(parts.get("t"));
            if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body)).equals(parts.get("v1"));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.cebgw.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cebgw.crypto.key.Pem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The sandbox's small web face on 127.0.0.1: a status page ({@code /}), what arrived and each check's verdict
 * ({@code GET /api/arrivals}), documents with their receipts ({@code GET /api/documents}), and the admin API —
 * inject any receipt ({@code POST /api/receipts}) and register an enterprise ({@code POST /api/enterprises}).
 * When {@code CEBGW_SANDBOX_TOKEN} is set, POSTs need {@code Authorization: Bearer <token>}.
 */
public final class StatusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private final Sandbox sandbox;
    private final HttpServer server;
    private final String token;

    public StatusServer(Sandbox sandbox, int port, String token) throws IOException {
        this.sandbox = sandbox;
        this.token = token == null || token.isBlank() ? null : token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", Math.max(port, 0)), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::route);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (method + " " + path) {
                case "GET /" -> send(exchange, 200, "text/html; charset=utf-8", StatusPage.render(sandbox).getBytes(StandardCharsets.UTF_8));
                case "GET /api/arrivals" -> json(exchange, 200, sandbox.ledger().arrivals().stream().map(StatusServer::arrival).toList());
                case "GET /api/documents" -> json(exchange, 200, sandbox.ledger().documents().stream().map(StatusServer::document).toList());
                case "POST /api/receipts" -> authorized(exchange, () -> inject(exchange));
                case "POST /api/enterprises" -> authorized(exchange, () -> register(exchange));
                default -> problem(exchange, 404, "没有这个地址 / not found: " + method + " " + path);
            }
        } catch (RuntimeException e) {
            problem(exchange, 500, "内部错误 / internal error: " + e.getClass().getSimpleName());
        }
    }

    private interface Action {
        void run() throws IOException, InterruptedException;
    }

    private void authorized(HttpExchange exchange, Action action) throws IOException {
        if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, 401, "需要管理令牌 / admin token required (Authorization: Bearer …)");
            return;
        }
        try {
            action.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "interrupted");
        }
    }

    private void inject(HttpExchange exchange) throws IOException, InterruptedException {
        JsonNode body = body(exchange);
        if (body == null) {
            return;
        }
        String type = body.path("type").asText("");
        String number = body.path("number").asText("");
        String status = body.path("status").asText("");
        if (type.isEmpty() || number.isEmpty() || !status.matches("-?\\d{1,10}")) {
            problem(exchange, 400, "需要 type、number 和数字 status / type, number and a numeric status are required");
            return;
        }
        boolean sent = sandbox.inject(type, number, status, body.path("info").asText("沙箱注入 / injected by the sandbox admin"));
        if (sent) {
            json(exchange, 200, Map.of("sent", true, "type", type, "number", number, "status", status));
        } else {
            problem(exchange, 404, "没有找到单证 / no document " + type + " " + number);
        }
    }

    private void register(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        if (body == null) {
            return;
        }
        String dxpId = body.path("dxpId").asText("");
        String pem = body.path("certificatePem").asText("");
        if (!dxpId.matches("[A-Za-z0-9]{1,16}") || pem.isEmpty()) {
            problem(exchange, 400, "需要 dxpId（≤16 位字母数字）和 certificatePem / dxpId (≤16 letters/digits) and certificatePem are required");
            return;
        }
        List<X509Certificate> certificates;
        try {
            certificates = Pem.parseCertificates(pem.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.cert.CertificateException e) {
            problem(exchange, 400, "证书无法解析 / the certificate cannot be read");
            return;
        }
        if (certificates.isEmpty()) {
            problem(exchange, 400, "没有证书 / no certificate");
            return;
        }
        sandbox.registry().register(new Enterprise(body.path("name").asText(dxpId), body.path("customsCode").asText(""), dxpId, certificates));
        json(exchange, 201, Map.of("registered", dxpId, "certificates", certificates.size()));
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            problem(exchange, 413, "请求过大 / request too large");
            return null;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                problem(exchange, 400, "需要 JSON 对象 / a JSON object is required");
                return null;
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problem(exchange, 400, "JSON 格式错误 / invalid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    static Map<String, Object> arrival(Arrival a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", a.number());
        m.put("time", a.time().toString());
        m.put("transportId", a.transportId());
        m.put("size", a.size());
        m.put("copMsgId", a.copMsgId());
        m.put("senderId", a.senderId());
        m.put("messageType", a.messageType());
        m.put("accepted", a.accepted());
        m.put("verdicts", a.verdicts());
        m.put("answers", a.answers());
        return m;
    }

    static Map<String, Object> document(Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type());
        m.put("key", d.key());
        m.put("status", d.status() == null ? null : d.status().code());
        m.put("finished", d.finished());
        m.put("preNo", d.preNo());
        m.put("invtNo", d.invtNo());
        m.put("receipts", d.receipts());
        return m;
    }

    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        send(exchange, status, "application/problem+json; charset=utf-8",
                JSON.writeValueAsBytes(Map.of("status", status, "detail", detail)));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

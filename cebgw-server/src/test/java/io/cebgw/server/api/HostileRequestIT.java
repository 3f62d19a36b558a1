package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated bad requests — mutated JSON and XML bodies, values of the wrong kind, huge values, odd unicode,
 * wrong content types and parameters, another enterprise's ids — and not one 5xx, not one byte of the other enterprise's
 * data. Prints the figures (docs/performance.md).
 */
@Tag("slow")
@org.springframework.test.context.TestPropertySource(properties = "cebgw.admin-key=hostile-admin-key")
class HostileRequestIT extends GatewayTestBase {
    private static final int REQUESTS = 10_000;
    private static final String[] ODD = {"", " ", "\u0000", "\ud800", "\u202e\u0645\u0631\u062d\u0628\u0627", "😀😀😀", "null", "-1", "1e309",
            "<ceb:x/>", "' or 1=1 --", "../../etc/passwd", "%00", "无"};

    private List<String> foreign;

    @Test
    void noBadRequestGetsA5xxOrAnotherEnterprisesData() throws Exception {
        EnterpriseService.Registered owner = enterprises.register("甲方", "3301960101", "DXPENT0000077001", "EBC", profile(SignatureSuite.SM2_SM3, "h-a"));
        EnterpriseService.Registered caller = enterprises.register("乙方", "3301960102", "DXPENT0000077002", "EBC", profile(SignatureSuite.SM2_SM3, "h-b"));
        CebMessage secret = FlowDocuments.document(MessageType.CEB303, "9710", "SECRETA-", "3301960101", owner.enterprise().dxpId());
        HttpResponse<String> own = call("POST", "/api/v1/documents", owner.apiKey(), "application/json", JsonMessages.write(secret).toString());
        assertThat(own.statusCode()).isEqualTo(201);
        String foreignId = JSON.readTree(own.body()).path("id").asText();
        HttpResponse<String> hook = call("POST", "/api/v1/webhooks", owner.apiKey(), "application/json",
                "{\"url\":\"https://erp.example/SECRETA-hook\",\"events\":[\"*\"]}");
        assertThat(hook.statusCode()).isEqualTo(201);
        String foreignHook = JSON.readTree(hook.body()).path("id").asText();
        String foreignKey = JSON.readTree(call("GET", "/api/v1/keys", owner.apiKey(), null, null).body()).path("keys").get(0).path("id").asText();
        foreign = List.of(foreignId, foreignHook, foreignKey);

        ObjectNode valid = JsonMessages.write(FlowDocuments.document(MessageType.CEB603, "9710", "HOSTILE-", "3301960102", caller.enterprise().dxpId()));
        Random random = new Random(20261203L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = hostile(random, valid, caller.apiKey(), foreign.get(random.nextInt(foreign.size())), i);
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() >= 500 || r.body().contains("SECRETA-")) {
                failures.add(r.statusCode() + " " + request.method() + " " + request.uri() + " → " + r.body().substring(0, Math.min(300, r.body().length())));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("NOTICE: hostile requests: %d in %.1f s (%.0f/s); statuses %s; 5xx or foreign data: %d%n", REQUESTS, seconds,
                REQUESTS / seconds, statuses, failures.size());
        assertThat(failures).as("5xx answers or another enterprise's data").isEmpty();
    }

    private HttpRequest hostile(Random random, ObjectNode valid, String key, String foreignId, int i) throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpRequest.Builder b;
        switch (i % 11) {
            case 0, 1, 2 -> b = post(base + "/api/v1/documents" + (random.nextInt(50) == 0 ? "?declare=true" : ""), contentType(random), body(random, valid));
            case 3 -> b = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents?limit=" + enc(odd(random)) + "&offset=" + enc(odd(random))
                    + "&type=" + enc(odd(random)) + "&status=" + enc(odd(random)))).GET();
            case 4 -> b = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + enc(random.nextBoolean() ? foreignId : odd(random)))).GET();
            case 5 -> b = post(base + "/api/v1/documents/" + enc(random.nextBoolean() ? foreignId : odd(random)) + "/declare", "application/json", "");
            case 6 -> b = post(base + "/api/v1/shipments", contentType(random), "{\"tradeMode\":\"" + odd(random) + "\",\"documents\":["
                    + body(random, valid) + "]}");
            case 7 -> b = random.nextBoolean()
                    ? post(base + "/api/v1/webhooks", contentType(random), "{\"url\":\"" + odd(random) + "\",\"events\":[\"" + odd(random) + "\"]}")
                    : HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/" + enc(random.nextBoolean() ? foreignId : odd(random))
                    + (random.nextBoolean() ? "/deliveries?state=" + enc(odd(random)) + "&limit=" + enc(odd(random)) : "/replay")))
                    .method(random.nextBoolean() ? "GET" : "POST", HttpRequest.BodyPublishers.noBody());
            case 8 -> b = switch (random.nextInt(3)) {
                case 0 -> post(base + "/api/v1/keys", contentType(random), "{\"name\":\"" + odd(random) + "\",\"scopes\":[\"" + odd(random)
                        + "\"],\"expiresAt\":\"" + odd(random) + "\"}");
                case 1 -> post(base + "/api/v1/keys/" + enc(random.nextBoolean() ? foreignId : odd(random)) + "/rotate", contentType(random),
                        "{\"overlapHours\":\"" + odd(random) + "\"}");
                default -> HttpRequest.newBuilder(URI.create(base + "/api/v1/keys/" + enc(random.nextBoolean() ? foreignId : odd(random)))).DELETE();
            };
            case 9 -> b = HttpRequest.newBuilder(URI.create(random.nextBoolean()
                    ? base + "/api/v1/audit?from=" + enc(odd(random)) + "&to=" + enc(odd(random))
                    : base + "/api/v1/documents/" + enc(random.nextBoolean() ? foreignId : odd(random)) + "/audit")).GET();
            default -> {
                b = switch (random.nextInt(3)) {
                    case 0 -> post(base + (random.nextBoolean() ? "/admin/v1/enterprises" : "/admin/v1/users"), contentType(random), body(random, valid));
                    case 1 -> HttpRequest.newBuilder(URI.create(base + "/admin/v1/enterprises/" + enc(odd(random)))).header("Content-Type", contentType(random))
                            .method("PATCH", HttpRequest.BodyPublishers.ofString(body(random, valid), StandardCharsets.UTF_8));
                    default -> HttpRequest.newBuilder(URI.create(base + "/admin/v1/enterprises/DXPENT0000077001/acts-for/" + enc(odd(random))))
                            .header("Content-Type", contentType(random)).PUT(HttpRequest.BodyPublishers.ofString(odd(random), StandardCharsets.UTF_8));
                };
                if (random.nextBoolean()) {
                    b.header("X-Admin-Key", "hostile-admin-key");   // past the key: the body itself is what is wrong
                }
            }
        }
        if (random.nextInt(10) != 0) {
            b.header("X-Api-Key", random.nextInt(20) == 0 ? "wrong-" + random.nextInt() : key);
        }
        return b.build();
    }

    private static HttpRequest.Builder post(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String contentType(Random random) {
        String[] types = {"application/json", "application/json", "application/json", "application/xml", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1"};
        return types[random.nextInt(types.length)];
    }

    /** The valid document, mutated: a value of another kind, a huge or odd one, a field dropped, the text cut or garbled. */
    private static String body(Random random, ObjectNode valid) {
        ObjectNode doc = valid.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(doc, containers);
        for (int m = 0; m < 1 + random.nextInt(3); m++) {
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(7)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.put(name, random.nextInt());
                    case 2 -> o.put(name, "X".repeat(random.nextBoolean() ? 300 : 100_000));
                    case 3 -> o.putArray(name).add(odd(random));
                    case 4 -> o.putObject(name).put("x", odd(random));
                    case 5 -> o.putNull(name);
                    default -> o.put(name, odd(random));
                }
            }
        }
        String text = doc.toString();
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> new String(garble(text.getBytes(StandardCharsets.UTF_8), random), StandardCharsets.ISO_8859_1);
            case 2 -> "<ceb:CEB603Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"><ceb:Inventory>" + odd(random);
            default -> text;
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private static byte[] garble(byte[] bytes, Random random) {
        for (int i = 0; i < 1 + bytes.length / 50; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static String odd(Random random) {
        return ODD[random.nextInt(ODD.length)];
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

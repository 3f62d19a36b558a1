package io.cebgw.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.cebgw.sandbox.GatewaySide.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** The status page and the admin API over real HTTP. */
class StatusServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void statusPageApiAndAdmin() throws Exception {
        try (SandboxHarness h = new SandboxHarness(dir, false); StatusServer server = new StatusServer(h.sandbox, 0, "s3cret")) {
            CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "HTTP-", SandboxHarness.DXP_ID);
            String orderNo = order.businessRecords().get(0).child("OrderHead").get("orderNo");
            h.gateway.send(order);
            assertThat(h.gateway.await(receipt("CEB304Message", "120", "orderNo", orderNo), SandboxHarness.WAIT)).isNotNull();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("联调沙箱").contains(orderNo);

            JsonNode arrivals = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/arrivals")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(arrivals.get(0).path("accepted").asBoolean()).isTrue();
            assertThat(arrivals.get(0).path("verdicts")).hasSize(4);
            JsonNode documents = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(documents.get(0).path("status").asText()).isEqualTo("120");

            String injection = "{\"type\":\"CEB303\",\"number\":\"" + orderNo + "\",\"status\":\"100\",\"info\":\"人工退单\"}";
            HttpResponse<String> unauthorized = http.send(HttpRequest.newBuilder(URI.create(base + "/api/receipts"))
                    .POST(HttpRequest.BodyPublishers.ofString(injection)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unauthorized.statusCode()).isEqualTo(401);
            HttpResponse<String> injected = http.send(HttpRequest.newBuilder(URI.create(base + "/api/receipts"))
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(injection)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(injected.statusCode()).as(injected.body()).isEqualTo(200);
            assertThat(h.gateway.await(receipt("CEB304Message", "100", "orderNo", orderNo), SandboxHarness.WAIT)).isNotNull();

            HttpResponse<String> badJson = http.send(HttpRequest.newBuilder(URI.create(base + "/api/receipts"))
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(badJson.statusCode()).isEqualTo(400);
            assertThat(badJson.body()).contains("JSON").doesNotContain("Exception");
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/api/receipts"))
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"CEB603\",\"number\":\"NONE\",\"status\":\"800\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);

            String pem = Pem.encode("CERTIFICATE", TestKeys.key(SignatureSuite.RSA_SHA1).certificate().getEncoded());
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(base + "/api/enterprises"))
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            java.util.Map.of("dxpId", "DXPENT0000099999", "name", "新企业", "certificatePem", pem)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            assertThat(h.sandbox.registry().byDxpId("DXPENT0000099999")).isPresent();
        }
    }
}

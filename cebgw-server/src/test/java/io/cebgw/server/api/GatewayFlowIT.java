package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the REST API: a signed 9710 flow reaches its final statuses from the in-process sandbox; isolation holds. */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class GatewayFlowIT extends GatewayTestBase {
    @Test
    void flowThroughTheApiReachesFinalStatusesAndIsolationHolds() throws Exception {
        EnterpriseService.Registered a = enterprises.register("杭州示例鞋业进出口有限公司", "3301964ABC", "DXPENT0000012345", "EBC,AGENT",
                profile(SignatureSuite.SM2_SM3, "a"));
        EnterpriseService.Registered b = enterprises.register("另一家企业", "3301960002", "DXPENT0000022222", "EBC", profile(SignatureSuite.RSA_SHA1, "b"));

        List<String> ids = declare(a.apiKey(), FlowDocuments.flow("9710", "API-", "3301964ABC", "DXPENT0000012345"));
        Map<String, String> expected = Map.of("CEB303Message", "120", "CEB505Message", "120", "CEB603Message", "899",
                "CEB607Message", "399", "CEB507Message", "399", "CEB509Message", "399");
        List<JsonNode> docs = awaitFinal(a.apiKey(), ids, Duration.ofSeconds(30));
        for (JsonNode d : docs) {
            assertThat(d.path("status").asText()).as(d.toString()).isEqualTo(expected.get(d.path("messageType").asText()));
            assertThat(d.path("final").asBoolean()).isTrue();
        }
        JsonNode list = docs.stream().filter(d -> "CEB603Message".equals(d.path("messageType").asText())).findFirst().orElseThrow();
        assertThat(list.path("transitions")).extracting(t -> t.path("toStatus").asText()).containsExactly("2", "120", "399", "800", "899");
        assertThat(call("GET", "/api/v1/documents/" + ids.get(2) + "/signed.xml", a.apiKey(), null, null).body()).contains("ds:SignatureValue");
        assertThat(call("GET", "/api/v1/documents/" + ids.get(2) + "/envelope.xml", a.apiKey(), null, null).body()).contains("<CopMsgId>");

        // isolation: enterprise B sees none of A's documents, by any route
        for (String path : List.of("/api/v1/documents/" + ids.get(0), "/api/v1/documents/" + ids.get(0) + "/xml",
                "/api/v1/documents/" + ids.get(0) + "/signed.xml", "/api/v1/documents/" + ids.get(0) + "/envelope.xml")) {
            HttpResponse<String> r = call("GET", path, b.apiKey(), null, null);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("3301964ABC");
        }
        for (String path : List.of("/api/v1/documents/" + ids.get(0) + "/declare", "/api/v1/documents/" + ids.get(0) + "/resend")) {
            assertThat(call("POST", path, b.apiKey(), null, null).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(JSON.readTree(call("GET", "/api/v1/documents", b.apiKey(), null, null).body())).isEmpty();
        assertThat(call("GET", "/api/v1/documents", "not-a-key", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> openApi = call("GET", "/v3/api-docs", "", null, null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/documents").contains("/api/v1/shipments").contains("/api/v1/enterprise/selftest");
    }

    @Test
    void badInputGetsProblemJsonWithFindings() throws Exception {
        EnterpriseService.Registered c = enterprises.register("C", "3301960003", "DXPENT0000033333", "EBC", profile(SignatureSuite.SM2_SM3, "c"));
        HttpResponse<String> notJson = call("POST", "/api/v1/documents", c.apiKey(), "application/json", "{oops");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(notJson.body()).contains("GW-D001").doesNotContain("Exception");
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "BAD-", "3301960003", "DXPENT0000033333");
        order.businessRecords().get(0).child("OrderHead").set("currency", "XXX");
        HttpResponse<String> invalid = call("POST", "/api/v1/documents?declare=true", c.apiKey(), "application/json", JsonMessages.write(order).toString());
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(422);
        assertThat(JSON.readTree(invalid.body()).path("findings")).isNotEmpty();
        HttpResponse<String> draft = call("POST", "/api/v1/documents", c.apiKey(), "application/json", JsonMessages.write(order).toString());
        assertThat(draft.statusCode()).as("an invalid draft may be kept").isEqualTo(201);
        HttpResponse<String> xmlGarbage = call("POST", "/api/v1/documents", c.apiKey(), "application/xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThat(xmlGarbage.statusCode()).isEqualTo(400);
        assertThat(xmlGarbage.body()).contains("CEB-I004").doesNotContain("root:");
        HttpResponse<String> idem1 = call("POST", "/api/v1/documents", c.apiKey(), "application/json",
                JsonMessages.write(FlowDocuments.document(MessageType.CEB505, "9710", "IDEM-", "3301960003", "DXPENT0000033333")).toString());
        assertThat(idem1.statusCode()).isEqualTo(201);
    }
}

package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may say what: a message names as its sender only the caller or an enterprise it is registered to act for; the
 * relationship and the profile are changed through the admin API and take effect at once; API keys are named, scoped,
 * rotated with an overlap and revoked; and every change is in the audit trail with who made it.
 */
class AccessTest extends GatewayTestBase {
    private static final String ADMIN = "admin-key-for-the-access-test";

    @DynamicPropertySource
    static void admin(DynamicPropertyRegistry r) {
        r.add("cebgw.admin-key", () -> ADMIN);
    }

    @Test
    void aMessageSpeaksOnlyForTheCallerOrWhomItIsRegisteredToActFor() throws Exception {
        EnterpriseService.Registered exporter = enterprises.register("出口商甲", "3301960301", "DXPENT0000030301", "EBC", profile(SignatureSuite.SM2_SM3, "ac-a"));
        EnterpriseService.Registered broker = enterprises.register("报关行乙", "3301960302", "DXPENT0000030302", "AGENT", profile(SignatureSuite.SM2_SM3, "ac-b"));
        CebMessage list = FlowDocuments.document(MessageType.CEB603, "9710", "AC1-", "3301960302", broker.enterprise().dxpId());
        list.businessRecords().get(0).head().set("ebcCode", "3301960301");
        HttpResponse<String> refused = post(broker.apiKey(), list);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("GW-D403").contains("ebcCode").contains("3301960301");
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "AC2-", "3301960301", broker.enterprise().dxpId());
        assertThat(post(broker.apiKey(), order).statusCode()).isEqualTo(403);
        HttpResponse<String> shipment = call("POST", "/api/v1/shipments", broker.apiKey(), "application/json",
                "{\"tradeMode\":\"9710\",\"documents\":[" + JsonMessages.write(order) + "]}");
        assertThat(shipment.statusCode()).as(shipment.body()).isEqualTo(403);
        assertThat(JSON.readTree(call("GET", "/api/v1/documents", broker.apiKey(), null, null).body())).as("nothing stored").isEmpty();

        HttpResponse<String> related = admin("PUT", "/admin/v1/enterprises/DXPENT0000030302/acts-for/3301960301", "{\"name\":\"出口商甲\",\"kind\":\"AGENT\"}");
        assertThat(related.statusCode()).as(related.body()).isEqualTo(200);
        assertThat(JSON.readTree(related.body()).path("actsFor").get(0).path("code").asText()).isEqualTo("3301960301");
        HttpResponse<String> accepted = post(broker.apiKey(), order);
        assertThat(accepted.statusCode()).as("registered to act for it: at once").isEqualTo(201);
        String draft = JSON.readTree(accepted.body()).path("id").asText();
        assertThat(admin("DELETE", "/admin/v1/enterprises/DXPENT0000030302/acts-for/3301960301", null).statusCode()).isEqualTo(200);
        HttpResponse<String> declare = call("POST", "/api/v1/documents/" + draft + "/declare", broker.apiKey(), null, null);
        assertThat(declare.statusCode()).as("no longer: the draft is not signed").isEqualTo(403);
        assertThat(admin("PUT", "/admin/v1/enterprises/DXPENT0000030302/acts-for/33019", "{\"kind\":\"AGENT\"}").statusCode()).isEqualTo(422);
        assertThat(admin("DELETE", "/admin/v1/enterprises/DXPENT0000030302/acts-for/3301960301", null).statusCode()).isEqualTo(404);

        HttpResponse<String> renamed = admin("PATCH", "/admin/v1/enterprises/DXPENT0000030302", "{\"name\":\"报关行乙（新名）\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(JSON.readTree(admin("GET", "/admin/v1/enterprises/DXPENT0000030302", null).body()).path("name").asText()).isEqualTo("报关行乙（新名）");
        HttpResponse<String> broken = admin("PATCH", "/admin/v1/enterprises/DXPENT0000030302", "{\"signingProfile\":\"type=pkcs12\\npath=/nowhere.p12\\npassword.env=NONE\"}");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(422);
        assertThat(broken.body()).contains("GW-E006");
        assertThat(JSON.readTree(admin("GET", "/admin/v1/enterprises/DXPENT0000030302", null).body()).path("signingProfile").asText())
                .as("left as it was").doesNotContain("nowhere");
        HttpResponse<String> again = admin("POST", "/admin/v1/enterprises", "{\"name\":\"x\",\"customsCode\":\"3301960302\",\"dxpId\":\"DXPENT0000030302\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("PATCH /admin/v1/enterprises/DXPENT0000030302");
        assertThat(call("GET", "/admin/v1/enterprises", "x", null, null).statusCode()).as("no admin key").isIn(401, 403);

        String csv = call("GET", "/api/v1/audit", broker.apiKey(), null, null).body();
        assertThat(csv).contains("acts_for.add").contains("acts_for.remove").contains("enterprise.update").contains("ADMIN,admin-key")
                .contains("document.create");
        JsonNode trail = JSON.readTree(call("GET", "/api/v1/documents/" + draft + "/audit", broker.apiKey(), null, null).body());
        assertThat(trail.get(0).path("action").asText()).isEqualTo("document.create");
        assertThat(trail.get(0).path("actorKind").asText()).isEqualTo("API_KEY");
        assertThat(call("GET", "/api/v1/documents/" + draft + "/audit", exporter.apiKey(), null, null).statusCode()).as("not another's").isEqualTo(404);
    }

    @Test
    void apiKeysAreNamedScopedRotatedAndRevoked() throws Exception {
        EnterpriseService.Registered e = enterprises.register("密钥企业", "3301964ABC", "DXPENT0000030303", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "ac-k"));
        HttpResponse<String> made = call("POST", "/api/v1/keys", e.apiKey(), "application/json", "{\"name\":\"ERP 只读\",\"scopes\":[\"read\"]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String readKey = JSON.readTree(made.body()).path("key").asText();
        String readId = JSON.readTree(made.body()).path("id").asText();
        assertThat(call("GET", "/api/v1/documents", readKey, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> write = post(readKey, FlowDocuments.document(MessageType.CEB303, "9710", "K1-", e.enterprise().dxpId()));
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("GW-A403").contains("declare");
        assertThat(call("GET", "/api/v1/keys", readKey, null, null).statusCode()).as("keys need admin").isEqualTo(403);
        assertThat(call("POST", "/api/v1/keys", e.apiKey(), "application/json", "{\"name\":\"x\",\"scopes\":[\"root\"]}").statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/keys", e.apiKey(), "application/json", "{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}")
                .statusCode()).isEqualTo(422);

        HttpResponse<String> rotated = call("POST", "/api/v1/keys/" + readId + "/rotate", e.apiKey(), "application/json", "{\"overlapHours\":1}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String newKey = JSON.readTree(rotated.body()).path("key").asText();
        assertThat(call("GET", "/api/v1/documents", newKey, null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/documents", readKey, null, null).statusCode()).as("the old one, during the overlap").isEqualTo(200);
        HttpResponse<String> now = call("POST", "/api/v1/keys/" + readId + "/rotate", e.apiKey(), "application/json", "{\"overlapHours\":0}");
        assertThat(now.statusCode()).isEqualTo(201);
        assertThat(call("GET", "/api/v1/documents", readKey, null, null).statusCode()).as("no overlap: gone").isEqualTo(401);
        String newId = JSON.readTree(rotated.body()).path("id").asText();
        assertThat(call("DELETE", "/api/v1/keys/" + newId, e.apiKey(), null, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/documents", newKey, null, null).statusCode()).as("revoked").isEqualTo(401);
        assertThat(call("DELETE", "/api/v1/keys/" + newId, e.apiKey(), null, null).statusCode()).isEqualTo(404);

        JsonNode keys = JSON.readTree(call("GET", "/api/v1/keys", e.apiKey(), null, null).body()).path("keys");
        assertThat(keys.toString()).doesNotContain(readKey).doesNotContain(newKey).doesNotContain(e.apiKey());
        JsonNode initial = find(keys, "initial");
        assertThat(initial.path("current").asBoolean()).isTrue();
        assertThat(initial.path("lastUsedAt").isNull()).as("last use recorded").isFalse();
        assertThat(find(keys, newId).path("revokedAt").isNull()).isFalse();
        String csv = call("GET", "/api/v1/audit", e.apiKey(), null, null).body();
        assertThat(csv).contains("key.create").contains("key.rotate").contains("key.revoke").contains("API_KEY,initial");
        assertThat(call("GET", "/api/v1/audit?from=yesterday", e.apiKey(), null, null).statusCode()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode keys, String nameOrId) {
        for (JsonNode k : keys) {
            if (k.path("name").asText().equals(nameOrId) || k.path("id").asText().equals(nameOrId)) {
                return k;
            }
        }
        throw new AssertionError(nameOrId + " not in " + keys);
    }

    private HttpResponse<String> post(String key, CebMessage m) throws Exception {
        return call("POST", "/api/v1/documents", key, "application/json", JsonMessages.write(m).toString());
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("X-Admin-Key", ADMIN);
        b = body == null ? b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}

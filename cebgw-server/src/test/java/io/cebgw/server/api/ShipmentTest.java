package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A shipment's documents go out in order, each once what it depends on was accepted; blockers are shown. */
class ShipmentTest extends GatewayTestBase {
    @Test
    void documentsGoOutInOrderAndBlockersAreShown() throws Exception {
        EnterpriseService.Registered e = enterprises.register("S", "3301964ABC", "DXPENT0000088888", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "s"));
        String ok = shipment(e.apiKey(), "9710", FlowDocuments.flow("9710", "SH1-", "3301964ABC", "DXPENT0000088888"));
        JsonNode first = JSON.readTree(call("GET", "/api/v1/shipments/" + ok, e.apiKey(), null, null).body());
        assertThat(first.path("warnings").toString()).contains("不涉证");
        JsonNode done = await(e.apiKey(), ok, s -> s.path("complete").asBoolean());
        assertThat(done.path("complete").asBoolean()).as(done.toString()).isTrue();
        for (JsonNode d : done.path("documents")) {
            List<String> transitions = JSON.readTree(call("GET", "/api/v1/documents/" + d.path("id").asText(), e.apiKey(), null, null).body())
                    .path("transitions").findValuesAsText("toStatus");
            assertThat(transitions).as(d.path("messageType").asText()).isNotEmpty();
        }

        List<CebMessage> rejected = FlowDocuments.flow("9710", "SH2-", "3301964ABC", "DXPENT0000088888");
        rejected.get(0).businessRecords().get(0).child("OrderHead").set("orderNo", "SBX-REJECT-SH2");
        rejected.get(2).businessRecords().get(0).child("InventoryHead").set("orderNo", "SBX-REJECT-SH2");
        String blocked = shipment(e.apiKey(), "9710", rejected);
        JsonNode stuck = await(e.apiKey(), blocked, s -> s.path("documents").get(0).path("final").asBoolean());
        JsonNode list = stuck.path("documents").get(2);
        assertThat(list.path("declared").asBoolean()).as("the list is never sent after its order was rejected").isFalse();
        assertThat(list.path("blockedBy").toString()).contains("已被拒");
        assertThat(stuck.path("documents").get(3).path("blockedBy").toString()).contains("等待");
        assertThat(call("GET", "/api/v1/shipments/" + blocked, "wrong-key", null, null).statusCode()).isEqualTo(401);
        EnterpriseService.Registered other = enterprises.register("T", "3301960009", "DXPENT0000099991", "EBC", profile(SignatureSuite.RSA_SHA1, "t"));
        var foreign = call("GET", "/api/v1/shipments/" + ok, other.apiKey(), null, null);
        assertThat(foreign.statusCode()).as("another enterprise's shipment").isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("SH1-");
    }
}

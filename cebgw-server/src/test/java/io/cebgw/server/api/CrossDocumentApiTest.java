package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule book across documents where documents meet in the gateway: a shipment whose documents disagree is refused
 * whole (422, both ends named), and a list whose order was entered here must agree with it — as a draft it carries the
 * finding, declared it is refused; another enterprise's order is never its partner.
 */
class CrossDocumentApiTest extends GatewayTestBase {

    @Test
    void aShipmentWhoseDocumentsDisagreeIsRefusedWholeNamingBothEnds() throws Exception {
        EnterpriseService.Registered e = enterprises.register("X1", "3301964ABC", "DXPENT0000077771", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "x1"));
        List<CebMessage> docs = FlowDocuments.flow("9810", "XD1-", "3301964ABC", "DXPENT0000077771");
        docs.get(0).businessRecords().get(0).child("OrderHead").set("orderType", "B");
        docs.get(4).businessRecords().get(0).children("ArrivalList").get(0).set("logisticsNo", "XD1-NOSUCH");
        ObjectNode body = JSON.createObjectNode().put("tradeMode", "9810");
        ArrayNode array = body.putArray("documents");
        docs.forEach(m -> array.add(JsonMessages.write(m)));
        var r = call("POST", "/api/v1/shipments", e.apiKey(), "application/json", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("code").asText()).isEqualTo("GW-S003");
        assertThat(problem.path("findings").findValuesAsText("code")).contains("CEB-B004", "CEB-D003");
        JsonNode pairing = problem.path("findings").get(0);
        assertThat(pairing.path("path").asText()).startsWith("documents[2]:/ceb:CEB603Message");
        assertThat(pairing.path("linkedPath").asText()).startsWith("documents[0]:/ceb:CEB303Message");
        assertThat(call("GET", "/api/v1/documents?limit=50", e.apiKey(), null, null).body()).doesNotContain("XD1-");
    }

    @Test
    void aListUnlikeTheOrderEnteredHereCarriesTheFindingAndCannotBeDeclared() throws Exception {
        EnterpriseService.Registered e = enterprises.register("X2", "3301964ABC", "DXPENT0000077772", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "x2"));
        List<CebMessage> docs = FlowDocuments.flow("9710", "XD2-", "3301964ABC", "DXPENT0000077772");
        var order = call("POST", "/api/v1/documents", e.apiKey(), "application/json", JsonMessages.write(docs.get(0)).toString());
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        Node line = docs.get(2).businessRecords().get(0).children("InventoryList").get(0);
        line.set("price", "99.00").set("totalPrice", String.valueOf(99 * Integer.parseInt(line.get("qty"))) + ".00");
        var draft = call("POST", "/api/v1/documents", e.apiKey(), "application/json", JsonMessages.write(docs.get(2)).toString());
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(draft.body());
        assertThat(created.path("findings").findValuesAsText("code")).contains("CEB-D012");
        var declared = call("POST", "/api/v1/documents/" + created.path("id").asText() + "/declare", e.apiKey(), null, null);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(422);
        assertThat(declared.body()).contains("CEB-D012").contains("documents/");

        EnterpriseService.Registered other = enterprises.register("X3", "3301964ABC", "DXPENT0000077773", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "x3"));
        var foreign = call("POST", "/api/v1/documents", other.apiKey(), "application/json", JsonMessages.write(docs.get(2)).toString());
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(201);
        assertThat(JSON.readTree(foreign.body()).path("findings").findValuesAsText("code")).as("another enterprise's order is not a partner")
                .doesNotContain("CEB-D012");
    }
}

package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.server.document.EnterpriseService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example of the OpenAPI document is a document the API takes, and every schema comes from the definitions. */
class ApiExamplesTest extends GatewayTestBase {
    @Test
    void everyDocumentedExampleIsAccepted() throws Exception {
        JsonNode doc = JSON.readTree(call("GET", "/v3/api-docs", null, null, null).body());
        JsonNode list = doc.path("components").path("schemas").path("CEB603Message");
        JsonNode head = list.path("properties").path("Inventory").path("items").path("properties").path("InventoryHead");
        assertThat(head.path("properties").path("orderNo").path("maxLength").asInt()).isEqualTo(60);
        assertThat(head.path("required").toString()).contains("orderNo");
        assertThat(head.path("properties").path("ieFlag").path("enum").toString()).contains("E");
        assertThat(head.path("properties").path("orderNo").path("description").asText()).contains("订单");

        JsonNode examples = doc.path("paths").path("/api/v1/documents").path("post").path("requestBody").path("content")
                .path("application/json").path("examples");
        assertThat(examples.size()).as("one per declaration type").isGreaterThanOrEqualTo(11);
        EnterpriseService.Registered e = enterprises.register("示例", "3301964ABC", "DXPENT0000099901", "EBC", profile(SignatureSuite.SM2_SM3, "ex"));
        // the examples are the example exporter's documents, sent through its broker and carrier: it is registered to act for them
        enterprises.actFor(e.enterprise().id(), "3101980123", "上海示例报关有限公司", "AGENT");
        enterprises.actFor(e.enterprise().id(), "3101987654", "上海示例国际物流有限公司", "LOGISTICS");
        List<String> refused = new ArrayList<>();
        for (var it = examples.fields(); it.hasNext(); ) {
            var example = it.next();
            var r = call("POST", "/api/v1/documents", e.apiKey(), "application/json", example.getValue().path("value").toString());
            if (r.statusCode() != 201) {
                refused.add(example.getKey() + " " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(refused).as("documented examples the API refuses").isEmpty();
    }
}

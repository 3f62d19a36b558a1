package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.sandbox.Sandbox;
import io.cebgw.server.document.EnterpriseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicate, late, out-of-order and garbled receipts leave every document in the right status. */
class ReceiptHandlingTest extends GatewayTestBase {
    @Autowired
    Sandbox sandbox;

    private List<String> outcomes(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("receipts").forEach(r -> out.add(r.path("returnStatus").asText() + ":" + r.path("outcome").asText()));
        return out;
    }

    private JsonNode list(List<JsonNode> docs) {
        return docs.stream().filter(d -> "CEB603Message".equals(d.path("messageType").asText())).findFirst().orElseThrow();
    }

    @Test
    void receiptsInEveryShape() throws Exception {
        EnterpriseService.Registered e = enterprises.register("R", "3301964ABC", "DXPENT0000044444", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "r"));
        String key = e.apiKey();
        List<String> duplicate = declare(key, FlowDocuments.flow("9710", "SBX-DUPLICATE-", "3301964ABC", "DXPENT0000044444"));
        List<String> disorder = declare(key, FlowDocuments.flow("9710", "SBX-DISORDER-", "3301964ABC", "DXPENT0000044444"));
        List<String> garbled = declare(key, FlowDocuments.flow("9710", "SBX-GARBLED-", "3301964ABC", "DXPENT0000044444"));

        JsonNode dup = list(awaitFinal(key, duplicate, Duration.ofSeconds(30)));
        assertThat(dup.path("status").asText()).isEqualTo("899");
        assertThat(dup.path("transitions")).extracting(t -> t.path("toStatus").asText()).containsExactly("2", "120", "399", "800", "899");
        assertThat(outcomes(dup)).contains("2:DUPLICATE", "899:DUPLICATE");

        JsonNode dis = list(awaitFinal(key, disorder, Duration.ofSeconds(30)));
        assertThat(dis.path("status").asText()).isEqualTo("899");
        assertThat(outcomes(dis)).startsWith("120:APPLIED", "2:STALE");
        assertThat(dis.path("transitions")).extracting(t -> t.path("toStatus").asText()).containsExactly("120", "399", "800", "899");

        JsonNode gar = list(awaitFinal(key, garbled, Duration.ofSeconds(30)));
        assertThat(gar.path("status").asText()).as("a garbled receipt in between changes nothing").isEqualTo("899");

        // late: a receipt after the final status is recorded, not applied
        String copNo = dup.path("businessKey").asText().split("\\|")[1];
        assertThat(sandbox.inject("CEB603", copNo, "120", "迟到的入库回执")).isTrue();
        JsonNode after = dup;
        for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); outcomes(after).size() == outcomes(dup).size() && System.nanoTime() < end; ) {
            Thread.sleep(100);
            after = JSON.readTree(call("GET", "/api/v1/documents/" + dup.path("id").asText(), key, null, null).body());
        }
        assertThat(after.path("status").asText()).isEqualTo("899");
        assertThat(outcomes(after)).last().isEqualTo("120:FINAL");
    }
}

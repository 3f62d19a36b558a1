package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's document list narrowed as an ERP searches: type, status, creation days (Beijing), part of the business key. */
class DocumentSearchTest extends GatewayTestBase {
    @Test
    void theListNarrowsByTypeStatusDaysAndNumber() throws Exception {
        EnterpriseService.Registered e = enterprises.register("查询企业", "3301964ABC", "DXPENT0000055559", "EBC,AGENT",
                profile(SignatureSuite.SM2_SM3, "search"));
        for (String tag : List.of("SRCH-A-", "SRCH-B-")) {
            for (MessageType type : List.of(MessageType.CEB303, MessageType.CEB603)) {
                HttpResponse<String> r = call("POST", "/api/v1/documents", e.apiKey(), "application/json",
                        JsonMessages.write(FlowDocuments.document(type, "9710", tag, "DXPENT0000055559")).toString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(list(e, "")).hasSize(4);
        assertThat(list(e, "?number=SRCH-B")).hasSize(2).allSatisfy(d -> assertThat(d.path("businessKey").asText()).contains("SRCH-B-"));
        assertThat(list(e, "?type=CEB603Message")).hasSize(2).allSatisfy(d -> assertThat(d.path("messageType").asText()).isEqualTo("CEB603Message"));
        assertThat(list(e, "?status=draft&type=CEB303Message&number=SRCH-A")).hasSize(1);
        assertThat(list(e, "?status=120")).isEmpty();
        assertThat(list(e, "?from=" + today + "&to=" + today)).hasSize(4);
        assertThat(list(e, "?to=" + today.minusDays(1))).as("created before yesterday ended").isEmpty();
        assertThat(list(e, "?from=" + today.plusDays(1))).isEmpty();

        HttpResponse<String> bad = call("GET", "/api/v1/documents?from=2026-13-01", e.apiKey(), null, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("GW-A010").contains("from").doesNotContain("Exception");
    }

    private List<JsonNode> list(EnterpriseService.Registered e, String query) throws Exception {
        HttpResponse<String> r = call("GET", "/api/v1/documents" + query, e.apiKey(), null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> docs = new ArrayList<>();
        JSON.readTree(r.body()).forEach(docs::add);
        return docs;
    }
}

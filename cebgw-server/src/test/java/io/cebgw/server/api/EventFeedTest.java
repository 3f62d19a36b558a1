package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An ERP that polls reads its documents' status changes in order, once each, and never another enterprise's. */
class EventFeedTest extends GatewayTestBase {
    @Test
    void statusChangesComeInOrderAfterTheCursorAndOnlyTheCallersOwn() throws Exception {
        EnterpriseService.Registered e = enterprises.register("事件", "3301964ABC", "DXPENT0000088801", "EBC", profile(SignatureSuite.SM2_SM3, "ev"));
        EnterpriseService.Registered other = enterprises.register("他人", "3301960003", "DXPENT0000088802", "EBC", profile(SignatureSuite.SM2_SM3, "ev2"));
        CebMessage accepted = FlowDocuments.document(MessageType.CEB303, "9710", "EV1-", e.enterprise().dxpId());
        CebMessage refused = FlowDocuments.document(MessageType.CEB303, "9710", "SBX-REJECT-EV2-", e.enterprise().dxpId());
        List<String> ids = declare(e.apiKey(), List.of(accepted, refused));
        declare(other.apiKey(), List.of(FlowDocuments.document(MessageType.CEB303, "9710", "EVX-", "3301960003", other.enterprise().dxpId())));

        List<JsonNode> events = new ArrayList<>();
        long cursor = 0;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && !(seen(events, ids.get(0), "120") && seen(events, ids.get(1), "100"))) {
            JsonNode page = JSON.readTree(call("GET", "/api/v1/events?after=" + cursor + "&limit=3", e.apiKey(), null, null).body());
            page.path("events").forEach(events::add);
            cursor = page.path("next").asLong();
            Thread.sleep(200);
        }
        assertThat(seen(events, ids.get(0), "120")).as(events.toString()).isTrue();
        assertThat(events).extracting(ev -> ev.path("documentId").asText()).as("only the caller's documents").allMatch(ids::contains);
        List<Long> cursors = events.stream().map(ev -> ev.path("cursor").asLong()).toList();
        assertThat(cursors).as("in order, each once").isSorted().doesNotHaveDuplicates();
        JsonNode rejection = events.stream().filter(ev -> ev.path("documentId").asText().equals(ids.get(1))
                && ev.path("toStatus").path("code").asText().equals("100")).findFirst().orElseThrow();
        assertThat(rejection.path("type").asText()).isEqualTo("document.rejected");
        assertThat(rejection.path("toStatus").path("zh").asText()).isEqualTo("海关退单");

        JsonNode nothing = JSON.readTree(call("GET", "/api/v1/events?after=" + cursor, e.apiKey(), null, null).body());
        assertThat(nothing.path("next").asLong()).isGreaterThanOrEqualTo(cursor);
        assertThat(call("GET", "/api/v1/events?limit=0", e.apiKey(), null, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/events", null, null, null).statusCode()).isEqualTo(401);
    }

    private static boolean seen(List<JsonNode> events, String id, String status) {
        return events.stream().anyMatch(ev -> ev.path("documentId").asText().equals(id) && ev.path("toStatus").path("code").asText().equals(status));
    }
}

package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events pushed to an ERP: a local receiver that checks every signature sees the status changes, the rejection with
 * its returnInfo and the shipment's final event; the requests it fails on purpose are retried; a subscription whose
 * receiver is down dead-letters its delivery, which a replay then delivers; another enterprise gets none of it.
 */
class WebhookTest extends GatewayTestBase {
    @Test
    void eventsArePushedSignedRetriedDeadLetteredAndReplayed() throws Exception {
        try (WebhookReceiver rx = new WebhookReceiver()) {
            EnterpriseService.Registered e = enterprises.register("推送", "3301964ABC", "DXPENT0000088901", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "wh"));
            EnterpriseService.Registered other = enterprises.register("他人", "3301960003", "DXPENT0000088902", "EBC", profile(SignatureSuite.SM2_SM3, "wh2"));
            rx.failures.put("/erp", new AtomicInteger(2));
            JsonNode hook = subscribe(e.apiKey(), rx, "/erp", "[\"*\"]");
            subscribe(other.apiKey(), rx, "/other", "\"document.status_changed\"");
            JsonNode shown = JSON.readTree(call("GET", "/api/v1/webhooks/" + hook.path("id").asText(), e.apiKey(), null, null).body());
            assertThat(shown.has("secret")).as("the secret is shown once only").isFalse();
            assertThat(shown.path("url").asText()).isEqualTo(rx.url("/erp"));

            String shipment = shipment(e.apiKey(), "9710", FlowDocuments.flow("9710", "WH-", "3301964ABC", e.enterprise().dxpId()));
            String refused = declare(e.apiKey(), List.of(FlowDocuments.document(MessageType.CEB303, "9710", "SBX-REJECT-WH2-", e.enterprise().dxpId()))).get(0);
            declare(other.apiKey(), List.of(FlowDocuments.document(MessageType.CEB303, "9710", "WHX-", "3301960003", other.enterprise().dxpId())));
            JsonNode done = await(e.apiKey(), shipment, s -> s.path("complete").asBoolean());
            Set<String> own = new HashSet<>(List.of(refused));
            done.path("documents").forEach(d -> own.add(d.path("id").asText()));

            waitFor(() -> rx.at("/erp").stream().anyMatch(r -> r.answered() == 204 && r.event().path("type").asText().equals("shipment.final")
                    && r.event().path("shipmentId").asText().equals(shipment)) && rx.at("/erp").stream()
                    .anyMatch(r -> r.answered() == 204 && r.event().path("documentId").asText().equals(refused)
                            && r.event().path("type").asText().equals("document.rejected")));
            List<WebhookReceiver.Received> erp = rx.at("/erp");
            assertThat(erp).allMatch(WebhookReceiver.Received::signatureValid);
            List<WebhookReceiver.Received> failedOnPurpose = erp.stream().filter(r -> r.answered() == 500).toList();
            assertThat(failedOnPurpose).hasSize(2);
            waitFor(() -> failedOnPurpose.stream().allMatch(failed -> rx.at("/erp").stream()
                    .anyMatch(r -> r.answered() == 204 && r.event().path("id").equals(failed.event().path("id")))));
            assertThat(erp).as("only the enterprise's own documents").allMatch(r -> !r.event().has("documentId") || own.contains(r.event().path("documentId").asText()));
            JsonNode rejection = erp.stream().filter(r -> r.event().path("documentId").asText().equals(refused)
                    && r.event().path("type").asText().equals("document.rejected")).findFirst().orElseThrow().event();
            assertThat(rejection.path("toStatus").path("zh").asText()).isEqualTo("海关退单");
            assertThat(rejection.path("returnInfo").asText()).as("the receipt's words").isNotBlank();
            List<JsonNode> finals = erp.stream().filter(r -> r.answered() == 204).map(WebhookReceiver.Received::event)
                    .filter(ev -> ev.path("type").asText().equals("shipment.final") && ev.path("shipmentId").asText().equals(shipment)).toList();
            assertThat(finals).as("once").hasSize(1);
            assertThat(finals.get(0).path("shipmentId").asText()).isEqualTo(shipment);
            assertThat(finals.get(0).path("succeeded").asBoolean()).isTrue();
            assertThat(finals.get(0).path("documents")).hasSize(done.path("documents").size());
            assertThat(erp.get(0).headers().get("X-Cebgw-Event")).isEqualTo(erp.get(0).event().path("type").asText());
            waitFor(() -> !rx.at("/other").isEmpty());
            assertThat(rx.at("/other")).allMatch(r -> r.signatureValid() && !own.contains(r.event().path("documentId").asText())
                    && r.event().path("type").asText().equals("document.status_changed"));

            JsonNode log = JSON.readTree(call("GET", "/api/v1/webhooks/" + hook.path("id").asText() + "/deliveries?limit=500", e.apiKey(), null, null).body());
            String retriedEvent = failedOnPurpose.get(0).event().path("id").asText();
            long retriedId = 0;
            for (JsonNode d : log.path("deliveries")) {
                retriedId = d.path("eventId").asText().equals(retriedEvent) ? d.path("id").asLong() : retriedId;
            }
            JsonNode retried = JSON.readTree(call("GET", "/api/v1/webhooks/" + hook.path("id").asText() + "/deliveries/" + retriedId, e.apiKey(), null, null).body());
            assertThat(retried.path("state").asText()).isEqualTo("DELIVERED");
            assertThat(retried.path("log")).as("the delivery log").extracting(a -> a.path("httpStatus").asInt()).containsExactly(500, 204);
            assertThat(retried.path("event").path("id").asText()).isEqualTo(retriedEvent);

            deadLetterAndReplay(rx, e.apiKey(), other.apiKey());
            refusals(e.apiKey(), hook.path("id").asText());
        }
    }

    private void deadLetterAndReplay(WebhookReceiver rx, String key, String otherKey) throws Exception {
        rx.failures.put("/down", new AtomicInteger(Integer.MAX_VALUE));
        String down = subscribe(key, rx, "/down", "[\"document.dead_letter\"]").path("id").asText();
        assertThat(call("POST", "/api/v1/webhooks/" + down + "/ping", key, null, null).statusCode()).isEqualTo(202);
        waitFor(() -> deliveries(key, down, "DEAD").size() == 1);
        assertThat(rx.at("/down")).hasSize(3).allMatch(r -> r.answered() == 500);
        rx.failures.get("/down").set(0);
        HttpResponse<String> replay = call("POST", "/api/v1/webhooks/" + down + "/replay", key, null, null);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(replay.body()).path("replayed").asInt()).isEqualTo(1);
        waitFor(() -> rx.at("/down").size() == 4);
        assertThat(rx.at("/down").get(3).answered()).isEqualTo(204);
        assertThat(rx.at("/down").get(3).event().path("id")).isEqualTo(rx.at("/down").get(0).event().path("id"));
        waitFor(() -> deliveries(key, down, "DELIVERED").size() == 1);
        long id = deliveries(key, down, "DELIVERED").get(0).path("id").asLong();
        assertThat(call("POST", "/api/v1/webhooks/" + down + "/deliveries/" + id + "/replay", key, null, null).statusCode())
                .as("a delivered one may be sent again").isEqualTo(202);
        HttpResponse<String> foreign = call("GET", "/api/v1/webhooks/" + down, otherKey, null, null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("GW-W404");
        assertThat(call("POST", "/api/v1/webhooks/" + down + "/deliveries/" + id + "/replay", otherKey, null, null).statusCode()).isEqualTo(404);
    }

    private void refusals(String key, String hookId) throws Exception {
        assertProblem(call("POST", "/api/v1/webhooks", key, "application/json", "{\"url\":\"ftp://erp/x\",\"events\":[\"*\"]}"), 422, "GW-W002");
        assertProblem(call("POST", "/api/v1/webhooks", key, "application/json", "{\"url\":\"https://erp.example/x\",\"events\":[\"nope\"]}"), 422, "GW-W003");
        assertProblem(call("POST", "/api/v1/webhooks", key, "application/json", "{\"url\":\"https://erp.example/x\",\"events\":[\"*\"],\"secret\":\"short\"}"), 422, "GW-W004");
        assertProblem(call("POST", "/api/v1/webhooks", key, "application/json", "{\"url\":"), 400, "GW-W001");
        assertProblem(call("POST", "/api/v1/webhooks", key, "application/json", ""), 400, "GW-W001");
        assertProblem(call("GET", "/api/v1/webhooks/" + hookId + "/deliveries?state=LOST", key, null, null), 400, "GW-A010");
        HttpResponse<String> rotated = call("PATCH", "/api/v1/webhooks/" + hookId, key, "application/json", "{\"rotateSecret\":true,\"active\":false}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(rotated.body()).path("secret").asText()).startsWith("whsec_");
        assertThat(JSON.readTree(rotated.body()).path("active").asBoolean()).isFalse();
        assertThat(call("DELETE", "/api/v1/webhooks/" + hookId, key, null, null).statusCode()).isEqualTo(204);
        assertProblem(call("GET", "/api/v1/webhooks/" + hookId, key, null, null), 404, "GW-W404");
    }

    private JsonNode subscribe(String key, WebhookReceiver rx, String path, String events) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/webhooks", key, "application/json",
                "{\"url\":\"" + rx.url(path) + "\",\"events\":" + events + ",\"description\":\"ERP 测试\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(r.body());
        rx.secrets.put(path, created.path("secret").asText());
        return created;
    }

    private List<JsonNode> deliveries(String key, String hook, String state) {
        try {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(call("GET", "/api/v1/webhooks/" + hook + "/deliveries?state=" + state, key, null, null).body()).path("deliveries").forEach(out::add);
            return out;
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    private static void assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains(code);
    }

    private static void waitFor(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("in time").isTrue();
    }
}

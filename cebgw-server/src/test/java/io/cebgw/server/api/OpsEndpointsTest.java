package io.cebgw.server.api;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.core.spec.MessageType;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.ops.GatewayMeters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics as an operator's probes and Prometheus see them: liveness and readiness for anyone, status only;
 * the details and the meters behind the token; an enterprise whose transport cannot connect makes readiness DOWN and is
 * named in the details.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability // the meters as in production (tests turn exporters off)
class OpsEndpointsTest extends GatewayTestBase {
    private static final String TOKEN = "metrics-token-of-the-ops-test";

    @Autowired
    GatewayMeters meters;

    @DynamicPropertySource
    static void token(DynamicPropertyRegistry r) {
        r.add("cebgw.metrics-token", () -> TOKEN);
    }

    @Test
    void probesAnswerEveryoneAndTheMetersNeedTheToken() throws Exception {
        EnterpriseService.Registered e = enterprises.register("指标", "3301964ABC", "DXPENT0000055501", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "ops"));
        List<String> ids = declare(e.apiKey(), List.of(FlowDocuments.document(MessageType.CEB303, "9710", "OPS-", e.enterprise().dxpId())));
        awaitFinal(e.apiKey(), ids, Duration.ofSeconds(60));

        HttpResponse<String> live = get("/actuator/health/liveness", null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"UP\"");
        HttpResponse<String> ready = get("/actuator/health/readiness", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("transports").contains("signingKeys").contains("db").doesNotContain("DXPENT0000055501");
        HttpResponse<String> enterprisesOk = get("/actuator/health/enterprises", null);
        assertThat(enterprisesOk.statusCode()).as(enterprisesOk.body()).isEqualTo(200);
        assertThat(enterprisesOk.body()).contains("transports").contains("signingKeys").doesNotContain("\"db\"");

        HttpResponse<String> noToken = get("/actuator/prometheus", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).contains("GW-M401");
        assertThat(get("/actuator/prometheus", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/%61ctuator/prometheus", null).statusCode()).as("decided on the normalized path").isIn(401, 404);

        meters.refresh();
        String metrics = get("/actuator/prometheus", TOKEN).body();
        assertThat(metrics).contains("cebgw_documents{").contains("status=\"120\"").contains("type=\"CEB303Message\"")
                .contains("cebgw_outbox{").contains("cebgw_outbox_oldest_pending_seconds")
                .contains("cebgw_certificate_days_left{").contains("enterprise=\"DXPENT0000055501\"")
                .contains("cebgw_signing_seconds_count").contains("cebgw_sends_total{").contains("outcome=\"sent\"")
                .contains("cebgw_receipt_latency_seconds_bucket{");
        String details = get("/actuator/health", TOKEN).body();
        assertThat(details).contains("DXPENT0000055501").contains("days left");

        java.nio.file.Path password = DIR.resolve("ops-mq.pw");
        java.nio.file.Files.writeString(password, "guest\n");
        enterprises.register("连不上", "3301964ABC", "DXPENT0000055502", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "ops2"),
                "type=amqp\nuri=amqp://127.0.0.1:1\nuser=guest\nqueues=cebgw.ops.test\npassword.file=" + password + "\n");
        HttpResponse<String> down = get("/actuator/health/readiness", null);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).contains("DOWN").doesNotContain("DXPENT0000055502");
        HttpResponse<String> enterprisesDown = get("/actuator/health/enterprises", null);
        assertThat(enterprisesDown.statusCode()).as("the enterprises' own group, status only, no token").isEqualTo(503);
        assertThat(enterprisesDown.body()).doesNotContain("DXPENT0000055502");
        assertThat(get("/actuator/health", TOKEN).body()).contains("DXPENT0000055502").contains("CEB-T");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

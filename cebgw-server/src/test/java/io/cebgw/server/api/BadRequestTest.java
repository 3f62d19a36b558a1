package io.cebgw.server.api;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.server.document.EnterpriseService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's mistake is a 4xx problem+json with a code and words in both languages, never a 500 or a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class BadRequestTest extends GatewayTestBase {
    @Test
    void anEmptyBodyAndAParameterOfTheWrongKindAre400(CapturedOutput log) throws Exception {
        EnterpriseService.Registered e = enterprises.register("请求", "3301964ABC", "DXPENT0000066666", "EBC", profile(SignatureSuite.SM2_SM3, "bad"));

        HttpResponse<String> empty = call("POST", "/api/v1/documents", e.apiKey(), "application/json", "");
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(JSON.readTree(empty.body()).path("code").asText()).isEqualTo("GW-A011");
        assertThat(JSON.readTree(empty.body()).path("zh").asText()).isEqualTo("请求体为空或无法读取");

        HttpResponse<String> limit = call("GET", "/api/v1/documents?limit=abc", e.apiKey(), null, null);
        assertThat(limit.statusCode()).as(limit.body()).isEqualTo(400);
        assertThat(JSON.readTree(limit.body()).path("code").asText()).isEqualTo("GW-A010");
        assertThat(JSON.readTree(limit.body()).path("zh").asText()).contains("limit").contains("abc").contains("整数");
        assertThat(JSON.readTree(limit.body()).path("en").asText()).contains("a whole number");

        assertThat(empty.body() + limit.body()).doesNotContain("Exception").doesNotContain("at org.");

        HttpResponse<String> noKey = call("GET", "/api/v1/documents", "not-a-key", null, null);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(JSON.readTree(noKey.body()).path("code").asText()).as("the filter answers in the shape of every refusal").isEqualTo("GW-A001");
        assertThat(JSON.readTree(noKey.body()).path("en").asText()).isEqualTo("a valid API key is required (X-Api-Key)");
        assertThat(log.getOut() + log.getErr()).as("a client's mistake leaves no stack trace in the log").doesNotContain("\tat ");
    }
}

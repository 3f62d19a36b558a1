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
    @org.springframework.beans.factory.annotation.Autowired
    io.cebgw.server.document.DocumentService documents;

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

    @Test
    void unknownRoutesWrongMethodsAndEncodedPathsGetTheMachineDoorsAnswers(CapturedOutput log) throws Exception {
        EnterpriseService.Registered e = enterprises.register("路由", "3301964ABC", "DXPENT0000066667", "EBC", profile(SignatureSuite.SM2_SM3, "route"));
        HttpResponse<String> unknown = call("GET", "/api/v1/nothing-here", e.apiKey(), null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("GW-A404");
        HttpResponse<String> method = call("DELETE", "/api/v1/documents", e.apiKey(), null, null);
        assertThat(method.statusCode()).as(method.body()).isEqualTo(405);
        assertThat(JSON.readTree(method.body()).path("code").asText()).isEqualTo("GW-A405");
        HttpResponse<String> admin = call("GET", "/admin/v1/nothing", null, null, null);
        assertThat(JSON.readTree(admin.body()).path("code").asText()).startsWith("GW-A");

        HttpResponse<String> encoded = call("GET", "/%61pi/v1/documents", null, null, null);
        assertThat(encoded.statusCode()).as("an encoded path is the same route: the key is asked for").isIn(400, 401);
        assertThat(encoded.body()).doesNotContain("\"documents\"");
        assertThat(log.getOut() + log.getErr()).doesNotContain("\tat ");
    }

    /** A draft may carry errors, but not a number too long to keep: 422 with the length finding (the hostile walk found a 500). */
    /** A key pasted with Chinese in it (as a guide's placeholder might be): a 400 naming the header problem, not the body, never echoing it. */
    @Test
    void aHeaderWithCharactersHttpDoesNotAllowIsTold() throws Exception {
        String key = "一个足够长的随机串";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /admin/v1/enterprises HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Admin-Key: " + key + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("GW-A012").contains("ASCII").doesNotContain(key).doesNotContain("GW-A011");
        }
    }

    @Test
    void aDraftWhoseNumberIsFarTooLongIs422() throws Exception {
        EnterpriseService.Registered e = enterprises.register("长编号", "3301964ABC", "DXPENT0000066668", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "long"));
        io.cebgw.core.model.CebMessage list = io.cebgw.sandbox.FlowDocuments.document(io.cebgw.core.spec.MessageType.CEB603, "9710", "L-",
                e.enterprise().dxpId());
        list.businessRecords().get(0).head().set("copNo", "X".repeat(300));
        HttpResponse<String> r = call("POST", "/api/v1/documents", e.apiKey(), "application/json", io.cebgw.server.document.JsonMessages.write(list).toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("GW-D003").contains("copNo");
        list.businessRecords().get(0).head().set("copNo", "X".repeat(40));
        HttpResponse<String> draft = call("POST", "/api/v1/documents", e.apiKey(), "application/json", io.cebgw.server.document.JsonMessages.write(list).toString());
        assertThat(draft.statusCode()).as("a draft with a fixable error is still kept").isEqualTo(201);
    }

    @Test
    void aDocumentIsAlwaysSentInTheCallersNameWhateverItsTransferBlockSays() throws Exception {
        EnterpriseService.Registered a = enterprises.register("甲", "3301960001", "DXPENT0000066671", "EBC", profile(SignatureSuite.SM2_SM3, "ta"));
        EnterpriseService.Registered b = enterprises.register("乙", "3301960002", "DXPENT0000066672", "EBC", profile(SignatureSuite.SM2_SM3, "tb"));
        io.cebgw.core.model.CebMessage order = io.cebgw.sandbox.FlowDocuments.document(io.cebgw.core.spec.MessageType.CEB303, "9710", "IMP-",
                "3301960002", a.enterprise().dxpId());
        order.baseTransfer().set("copCode", "3301960001").set("copName", "甲");
        HttpResponse<String> created = call("POST", "/api/v1/documents", b.apiKey(), "application/json",
                io.cebgw.server.document.JsonMessages.write(order).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();
        String xml = new String(documents.row(b.enterprise().id(), id).orElseThrow().unsignedXml(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("<ceb:dxpId>DXPENT0000066672</ceb:dxpId>").contains("<ceb:copCode>3301960002</ceb:copCode>")
                .doesNotContain("DXPENT0000066671");
    }
}

package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.transport.Transport;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.flow.ReceiptProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer-node mode (issue 6): a third-party platform's enterprises share one connection configured as a transfer
 * node; their documents go out as DxpMsgSv, and each receipt finds its way back to the enterprise it is addressed to —
 * never to another enterprise's document with the same business key.
 */
@Tag("slow") // an end-to-end flow: runs under failsafe (mvn verify)
class PlatformTransferNodeIT extends GatewayTestBase {
    @Autowired
    ReceiptProcessor receipts;

    @DynamicPropertySource
    static void asAPlatform(DynamicPropertyRegistry r) {
        r.add("cebgw.transport.type", () -> "folder");
        r.add("cebgw.transport.root", () -> DIR.resolve("platform-" + UUID.randomUUID()).toString());
        r.add("cebgw.transport.poll-millis", () -> "20");
        r.add("cebgw.transport.transfer-sta-node", () -> "00000002");
        r.add("cebgw.transport.transfer-end-node", () -> "46000002");
    }

    @Test
    void documentsGoAsDxpMsgSvAndReceiptsReachTheirOwnEnterprise() throws Exception {
        EnterpriseService.Registered a = enterprises.register("甲", "3301964ABC", "DXPENT0000033331", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "pa"));
        EnterpriseService.Registered b = enterprises.register("乙", "3301964ABC", "DXPENT0000033332", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "pb"));
        List<String> ofA = declare(a.apiKey(), FlowDocuments.flow("9710", "PA-", "3301964ABC", "DXPENT0000033331"));
        List<String> ofB = declare(b.apiKey(), FlowDocuments.flow("9810", "PB-", "3301964ABC", "DXPENT0000033332"));
        assertThat(awaitFinal(a.apiKey(), ofA, Duration.ofSeconds(60))).allMatch(d -> d.path("final").asBoolean());
        assertThat(awaitFinal(b.apiKey(), ofB, Duration.ofSeconds(60))).allMatch(d -> d.path("final").asBoolean());

        String envelope = call("GET", "/api/v1/documents/" + ofA.get(0) + "/envelope.xml", a.apiKey(), null, null).body();
        assertThat(envelope).contains("DxpMsgSv").contains("<StaNode>00000002</StaNode>").contains("<EndNode>46000002</EndNode>");

        // a receipt for A's declaration list, but addressed to B: it must not touch A's document
        JsonNode list = JSON.readTree(call("GET", "/api/v1/documents/" + ofA.get(2), a.apiKey(), null, null).body());
        assertThat(list.path("messageType").asText()).isEqualTo("CEB603Message");
        String[] key = list.path("businessKey").asText().split("\\|");
        int before = list.path("receipts").size();
        CebMessage receipt = new ExampleFactory().create(MessageType.CEB604);
        receipt.businessRecords().get(0).head().set("agentCode", key[0]);
        receipt.businessRecords().get(0).head().set("copNo", key[1]);
        receipt.businessRecords().get(0).head().set("returnStatus", "100");
        receipt.businessRecords().get(0).head().set("returnInfo", "寄错企业的回执");
        byte[] misaddressed = new EnvelopeWriter().write(new Wrapping().dxpMsg(new CebWriter().write(receipt), "CEB604Message", "DXPEDCCEB0000003",
                List.of("DXPENT0000033332"), null));
        receipts.accept(new Transport.Envelope("MISADDRESSED", misaddressed));
        JsonNode after = JSON.readTree(call("GET", "/api/v1/documents/" + ofA.get(2), a.apiKey(), null, null).body());
        assertThat(after.path("receipts")).as("A's document is untouched").hasSize(before);
        assertThat(after.path("status").asText()).isEqualTo(list.path("status").asText());
        assertThat(new String(misaddressed, StandardCharsets.UTF_8)).contains("DXPENT0000033332");

        // the same receipt addressed to A does reach A's document (recorded; it is final already, so not applied)
        receipts.accept(new Transport.Envelope("ADDRESSED", new EnvelopeWriter().write(new Wrapping().dxpMsg(new CebWriter().write(receipt),
                "CEB604Message", "DXPEDCCEB0000003", List.of("DXPENT0000033331"), null))));
        JsonNode reached = JSON.readTree(call("GET", "/api/v1/documents/" + ofA.get(2), a.apiKey(), null, null).body());
        assertThat(reached.path("receipts")).hasSize(before + 1);
        assertThat(reached.path("receipts").get(before).path("outcome").asText()).isEqualTo("FINAL");
    }
}

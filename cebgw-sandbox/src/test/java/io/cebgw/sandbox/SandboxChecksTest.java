package io.cebgw.sandbox;

import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.testing.SharedSpec;
import io.cebgw.core.validation.XsdCheck;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.sign.CebSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.cebgw.sandbox.GatewaySide.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** Each check answers the way the spec says: CEB900 for format, DxpRep for signatures, 100 for business rules. */
class SandboxChecksTest {
    @TempDir
    Path dir;
    SandboxHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SandboxHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private GatewaySide.Answer answerTo(String copMsgId) throws InterruptedException {
        return h.gateway.await(a -> copMsgId.equals(a.fields().get("oriCopMsgId")), SandboxHarness.WAIT);
    }

    @Test
    void everyOfficialSampleThatFailsTheXsdGetsACeb900() throws Exception {
        XsdCheck xsd = new XsdCheck(SharedSpec.xsd202205());
        List<String> expected = new ArrayList<>();
        for (Path sample : SharedSpec.files(SharedSpec.samples("202205", "export"))) {
            byte[] bytes = Files.readAllBytes(sample);
            String type = sample.getFileName().toString().replace(".xml", "");
            boolean invalid;
            try {
                invalid = xsd.check(bytes, XsdCheck.schemaFor(MessageType.byRootName(type).orElseThrow())).stream().anyMatch(Finding::isError);
            } catch (RuntimeException e) {
                invalid = true;
            }
            if (invalid) {
                expected.add(h.gateway.sendBusiness(bytes, type.length() > 30 ? type.substring(0, 30) : type));
            }
        }
        assertThat(expected).as("some official samples fail the XSD (duplicated BaseTransfer, CEB792 …)").isNotEmpty();
        for (String copMsgId : expected) {
            GatewaySide.Answer answer = answerTo(copMsgId);
            assertThat(answer).as("answer to " + copMsgId).isNotNull();
            assertThat(answer.kind()).isEqualTo("CEB900");
            assertThat(Integer.parseInt(answer.status())).isNegative();
            assertThat(answer.fields().get("oriMessageType")).startsWith("CEB");
            assertThat(answer.fields().get("returnInfo")).isNotBlank();
        }
    }

    @Test
    void unsignedDeclarationIsRejected() throws Exception {
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "U-", SandboxHarness.DXP_ID);
        String id = h.gateway.sendBusiness(new CebWriter().write(order), "CEB303Message");
        GatewaySide.Answer answer = answerTo(id);
        assertThat(answer.kind()).isEqualTo("DxpRep");
        assertThat(answer.status()).isEqualTo("1001");
        assertThat(answer.fields().get("ResponseInfo")).contains("CEB-V003");
    }

    @Test
    void signatureWithAnUnregisteredCertificateIsRejected() throws Exception {
        CebSigner stranger = new CebSigner(KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=stranger,C=CN", Duration.ofDays(30)).signingKey());
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "X-", SandboxHarness.DXP_ID);
        String id = h.gateway.sendBusiness(stranger.sign(order), "CEB303Message");
        GatewaySide.Answer answer = answerTo(id);
        assertThat(answer.status()).isEqualTo("1001");
        assertThat(answer.fields().get("ResponseInfo")).contains("CEB-V015");
    }

    private static io.cebgw.core.transport.Transport.Envelope envelope(byte[] business, String nodeId) {
        String copMsgId = io.cebgw.core.envelope.Wrapping.newCopMsgId();
        io.cebgw.core.envelope.DxpMsg msg = new io.cebgw.core.envelope.Wrapping().dxpMsg(business, "CEB303Message", SandboxHarness.DXP_ID,
                List.of(nodeId), copMsgId);
        return new io.cebgw.core.transport.Transport.Envelope(copMsgId, new io.cebgw.core.envelope.EnvelopeWriter().write(msg));
    }

    @Test
    void messagesArrivingTogetherAreExaminedInParallelAndAnsweredAsEachAlone() throws Exception {
        CebSigner signer = new CebSigner(io.cebgw.crypto.testing.TestKeys.key(SignatureSuite.SM2_SM3).signingKey());
        byte[] tampered = new String(signer.sign(FlowDocuments.document(MessageType.CEB303, "9710", "BT-", SandboxHarness.DXP_ID)),
                StandardCharsets.UTF_8).replace("<ceb:goodsValue>", "<ceb:goodsValue>1").getBytes(StandardCharsets.UTF_8);
        String node = h.sandbox.config().nodeId();
        var good = envelope(signer.sign(FlowDocuments.document(MessageType.CEB303, "9710", "BG-", SandboxHarness.DXP_ID)), node);
        var forged = envelope(tampered, node);
        var unsigned = envelope(new CebWriter().write(FlowDocuments.document(MessageType.CEB303, "9710", "BU-", SandboxHarness.DXP_ID)), node);
        var garbage = new io.cebgw.core.transport.Transport.Envelope("garbage", "<not-xml".getBytes(StandardCharsets.UTF_8));
        h.sandbox.acceptAll(List.of(good, forged, garbage, unsigned));
        assertThat(answerTo(forged.id()).status()).isEqualTo("1004");
        assertThat(answerTo(unsigned.id()).status()).isEqualTo("1001");
        GatewaySide.Answer accepted = h.gateway.await(a -> "CEB304Message".equals(a.type()) && "2".equals(a.status()), SandboxHarness.WAIT);
        assertThat(accepted).as("the good one is accepted (新增申报成功)").isNotNull();
        assertThat(h.sandbox.ledger().arrivals()).extracting(Arrival::transportId)
                .containsSubsequence(good.id(), forged.id(), "garbage", unsigned.id());
    }

    @Test
    void documentTamperedAfterSigningIsRejected() throws Exception {
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "T-", SandboxHarness.DXP_ID);
        byte[] signed = new CebSigner(io.cebgw.crypto.testing.TestKeys.key(SignatureSuite.SM2_SM3).signingKey()).sign(order);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("<ceb:goodsValue>", "<ceb:goodsValue>1").getBytes(StandardCharsets.UTF_8);
        String id = h.gateway.sendBusiness(tampered, "CEB303Message");
        GatewaySide.Answer answer = answerTo(id);
        assertThat(answer.status()).isEqualTo("1004");
        assertThat(answer.fields().get("ResponseInfo")).contains("CEB-V012");
    }

    @Test
    void aRepeatedNewOrderGetsTheSpecsNegativeCodeAndAListWithoutOrderTheRuleBooksFinding() throws Exception {
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "D-", SandboxHarness.DXP_ID);
        String orderNo = order.businessRecords().get(0).child("OrderHead").get("orderNo");
        h.gateway.send(order);
        assertThat(h.gateway.await(receipt("CEB304Message", "120", "orderNo", orderNo), SandboxHarness.WAIT)).isNotNull();
        CebMessage again = FlowDocuments.document(MessageType.CEB303, "9710", "D-", SandboxHarness.DXP_ID);
        h.gateway.send(again);
        GatewaySide.Answer refused = h.gateway.await(receipt("CEB304Message", "-301010", "orderNo", orderNo), SandboxHarness.WAIT);
        assertThat(refused).isNotNull();
        assertThat(refused.fields().get("returnInfo")).contains("已存在相同编号的订单");

        CebMessage list = FlowDocuments.document(MessageType.CEB603, "9710", "NOORDER-", SandboxHarness.DXP_ID);
        String copNo = list.businessRecords().get(0).child("InventoryHead").get("copNo");
        h.gateway.send(list);
        GatewaySide.Answer noOrder = h.gateway.await(receipt("CEB604Message", "100", "copNo", copNo), SandboxHarness.WAIT);
        assertThat(noOrder).isNotNull();
        assertThat(noOrder.fields().get("returnInfo")).contains("CEB-D001").contains("找不到清单所对应的订单");
        assertThat(noOrder.fields().get("invtNo")).as("no list number for a rejected list").isEmpty();
    }

    @Test
    void anOrderAListNamesCannotChangeAndAnOlderChangeIsIgnored() throws Exception {
        List<CebMessage> flow = FlowDocuments.flow("9710", "L-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        flow.subList(0, 3).forEach(this::send);
        String copNo = flow.get(2).businessRecords().get(0).child("InventoryHead").get("copNo");
        assertThat(h.gateway.await(receipt("CEB604Message", "399", "copNo", copNo), SandboxHarness.WAIT)).isNotNull();
        Node orderHead = flow.get(0).businessRecords().get(0).child("OrderHead");
        orderHead.set("appType", "2").set("guid", CebMessage.newGuid());
        send(flow.get(0));
        GatewaySide.Answer listed = h.gateway.await(receipt("CEB304Message", "-301011", "orderNo", orderHead.get("orderNo")), SandboxHarness.WAIT);
        assertThat(listed.fields().get("returnInfo")).contains("该订单已向海关申报清单");

        CebMessage other = FlowDocuments.document(MessageType.CEB303, "9710", "OLD-", SandboxHarness.DXP_ID);
        Node head = other.businessRecords().get(0).child("OrderHead");
        send(other);
        assertThat(h.gateway.await(receipt("CEB304Message", "120", "orderNo", head.get("orderNo")), SandboxHarness.WAIT)).isNotNull();
        head.set("appType", "2").set("guid", CebMessage.newGuid()).set("appTime", "20200101000000");
        send(other);
        GatewaySide.Answer old = h.gateway.await(receipt("CEB304Message", "-301014", "orderNo", head.get("orderNo")), SandboxHarness.WAIT);
        assertThat(old.fields().get("returnInfo")).contains("旧报文数据");
    }

    @Test
    void aListOverAnOrderOfTheWrongTypeOrWithOtherLinesIsRejectedWithTheValidatorsCodes() throws Exception {
        List<CebMessage> flow = FlowDocuments.flow("9810", "P-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        flow.get(0).businessRecords().get(0).child("OrderHead").set("orderType", "B");   // a 9810 list over a B2B order
        flow.subList(0, 3).forEach(this::send);
        String copNo = flow.get(2).businessRecords().get(0).child("InventoryHead").get("copNo");
        GatewaySide.Answer pairing = h.gateway.await(receipt("CEB604Message", "100", "copNo", copNo), SandboxHarness.WAIT);
        assertThat(pairing.fields().get("returnInfo")).contains("CEB-B004");
        assertThat(h.gateway.answers()).noneMatch(a -> "CEB604Message".equals(a.type()) && "399".equals(a.status()));

        List<CebMessage> lines = FlowDocuments.flow("9710", "Q-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        Node line = lines.get(2).businessRecords().get(0).children("InventoryList").get(0);
        line.set("qty", "61").set("qty1", "61").set("totalPrice", "823.50");
        Node listHead = lines.get(2).businessRecords().get(0).child("InventoryHead");
        lines.subList(0, 3).forEach(this::send);
        GatewaySide.Answer mismatch = h.gateway.await(receipt("CEB604Message", "100", "copNo", listHead.get("copNo")), SandboxHarness.WAIT);
        assertThat(mismatch.fields().get("returnInfo")).contains("CEB-D012").contains("与订单同项");
    }

    @Test
    void theListNumberComesWithAcceptance() throws Exception {
        List<CebMessage> flow = FlowDocuments.flow("9710", "N-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        flow.subList(0, 3).forEach(this::send);
        String copNo = flow.get(2).businessRecords().get(0).child("InventoryHead").get("copNo");
        GatewaySide.Answer concluded = h.gateway.await(receipt("CEB604Message", "399", "copNo", copNo), SandboxHarness.WAIT);
        assertThat(concluded.fields().get("invtNo")).matches("\\d{4}\\d{4}E\\d{9}");
        for (String before : List.of("2", "120")) {
            assertThat(h.gateway.await(receipt("CEB604Message", before, "copNo", copNo), SandboxHarness.WAIT).fields().get("invtNo"))
                    .as("invtNo with %s", before).isEmpty();
        }
    }

    private void send(CebMessage message) {
        try {
            h.gateway.send(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void receiptsTheSandboxWritesConformToTheOfficialXsd() throws Exception {
        for (CebMessage m : FlowDocuments.flow("9710", "XSD-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID)) {
            h.gateway.send(m);
        }
        h.gateway.send(FlowDocuments.document(MessageType.CEB303, "9710", "XSD-", SandboxHarness.DXP_ID)); // -301010
        h.gateway.send(FlowDocuments.document(MessageType.CEB603, "9710", "XSD-NOORDER-", SandboxHarness.DXP_ID)); // a 100
        h.gateway.sendBusiness("<ceb:CEB303Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"/>".getBytes(StandardCharsets.UTF_8),
                "CEB303Message"); // a CEB900
        assertThat(h.gateway.await(a -> "CEB604Message".equals(a.type()) && "899".equals(a.status()), SandboxHarness.WAIT)).isNotNull();
        assertThat(h.gateway.await(a -> "CEB900".equals(a.kind()), SandboxHarness.WAIT)).isNotNull();
        assertThat(h.gateway.await(a -> "100".equals(a.status()), SandboxHarness.WAIT)).isNotNull();
        assertThat(h.gateway.await(a -> "-301010".equals(a.status()), SandboxHarness.WAIT)).isNotNull();
        int checked = h.assertReceivedConformToXsd();
        assertThat(checked).isGreaterThan(15);
    }
}

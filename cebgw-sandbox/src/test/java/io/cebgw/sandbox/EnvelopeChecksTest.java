package io.cebgw.sandbox;

import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.cebgw.sandbox.GatewaySide.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** The envelope check: receiver, registered sender, duplicate deliveries, and DxpMsgSv from third-party platforms. */
class EnvelopeChecksTest {
    @TempDir
    Path dir;
    SandboxHarness h;
    final Wrapping wrapping = new Wrapping();

    @BeforeEach
    void start() throws Exception {
        h = new SandboxHarness(dir, false);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private byte[] signedOrder(String tag) throws Exception {
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", tag, SandboxHarness.DXP_ID);
        return new CebSigner(TestKeys.key(SignatureSuite.SM2_SM3).signingKey()).sign(order);
    }

    @Test
    void unknownReceiverAndUnregisteredSenderGetADxpRep() throws Exception {
        DxpMsg wrongReceiver = wrapping.dxpMsg(signedOrder("R1-"), "CEB303Message", SandboxHarness.DXP_ID, List.of("DXPEDCCEB0000002"), "R1");
        h.gateway.sendRaw("R1", new EnvelopeWriter().write(wrongReceiver));
        assertThat(h.gateway.await(a -> "2001".equals(a.status()) && "R1".equals(a.fields().get("oriCopMsgId")), SandboxHarness.WAIT)).isNotNull();
        DxpMsg stranger = wrapping.dxpMsg(signedOrder("R2-"), "CEB303Message", "DXPENT0000099999", List.of(DxpMsg.EXPORT_RECEIVER), "R2");
        h.gateway.sendRaw("R2", new EnvelopeWriter().write(stranger));
        GatewaySide.Answer unregistered = h.gateway.await(a -> "R2".equals(a.fields().get("oriCopMsgId")), SandboxHarness.WAIT);
        assertThat(unregistered.status()).isEqualTo("2999");
        assertThat(unregistered.fields().get("ResponseInfo")).contains("未在沙箱登记");
    }

    @Test
    void duplicateDeliveryIsCountedAndNotProcessedTwice() throws Exception {
        byte[] envelope = new EnvelopeWriter().write(wrapping.dxpMsg(signedOrder("DUP-"), "CEB303Message", SandboxHarness.DXP_ID,
                List.of(DxpMsg.EXPORT_RECEIVER), "SAME-COPMSGID"));
        h.gateway.sendRaw("first", envelope);
        h.gateway.sendRaw("again", envelope);
        assertThat(h.gateway.await(a -> "CEB304Message".equals(a.type()) && "120".equals(a.status()), SandboxHarness.WAIT)).isNotNull();
        Thread.sleep(100);
        assertThat(h.sandbox.ledger().duplicateDeliveries()).isEqualTo(1);
        assertThat(h.gateway.answers()).filteredOn(a -> "CEB304Message".equals(a.type())).extracting(GatewaySide.Answer::status)
                .containsExactly("2", "120");
    }

    @Test
    void thirdPartyPlatformGetsItsReceiptsThroughTheTransferNodes() throws Exception {
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "SV-", SandboxHarness.DXP_ID);
        String orderNo = order.businessRecords().get(0).child("OrderHead").get("orderNo");
        byte[] signed = new CebSigner(TestKeys.key(SignatureSuite.SM2_SM3).signingKey()).sign(order);
        DxpMsg msg = wrapping.dxpMsg(signed, "CEB303Message", SandboxHarness.DXP_ID, List.of(DxpMsg.EXPORT_RECEIVER), "SV1");
        h.gateway.sendRaw("SV1", new EnvelopeWriter().write(wrapping.dxpMsgSv(msg, "00000002", "46000002")));
        assertThat(h.gateway.await(receipt("CEB304Message", "120", "orderNo", orderNo), SandboxHarness.WAIT)).isNotNull();
        Thread.sleep(100);
        try (Stream<Path> files = Files.list(dir.resolve("received"))) {
            List<DxpMsgSv> answers = files.filter(Files::isRegularFile).map(p -> {
                try {
                    return (DxpMsgSv) new EnvelopeReader().read(Files.readAllBytes(p));
                } catch (Exception e) {
                    throw new AssertionError(p + " is not a DxpMsgSv", e);
                }
            }).toList();
            assertThat(answers).isNotEmpty().allSatisfy(sv -> {
                assertThat(sv.svNo().staNode()).isEqualTo("46000002");
                assertThat(sv.svNo().endNode()).isEqualTo("00000002");
                assertThat(sv.dxpMsg().transInfo().receiverIds()).containsExactly(SandboxHarness.DXP_ID);
            });
        }
    }
}

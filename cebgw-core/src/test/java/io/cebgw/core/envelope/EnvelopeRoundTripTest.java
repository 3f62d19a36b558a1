package io.cebgw.core.envelope;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.spec.MessageType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Envelopes carry the business bytes unchanged and read back to what was written. */
class EnvelopeRoundTripTest {
    private final byte[] business = new CebWriter().write(new ExampleFactory().create(MessageType.CEB603));
    private final Wrapping wrapping = new Wrapping();

    @Test
    void dxpMsgKeepsTheBusinessBytesExactly() throws Exception {
        DxpMsg msg = wrapping.dxpMsg(business, "CEB603Message", "DXPENT0000012345", List.of(DxpMsg.EXPORT_RECEIVER), "COP-1");
        byte[] xml = new EnvelopeWriter().write(msg);
        DxpMsg back = (DxpMsg) new EnvelopeReader().read(xml);
        assertThat(back.data()).isEqualTo(business);
        assertThat(back.transInfo()).isEqualTo(msg.transInfo());
        assertThat(back.transInfo().creatTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        ReadResult read = new CebReader().read(xml);
        assertThat(read.envelope()).isInstanceOf(DxpMsg.class);
        assertThat(read.businessXml()).isEqualTo(business);
    }

    @Test
    void dxpMsgSvCarriesRoutingAndTheMessage() throws Exception {
        DxpMsg msg = wrapping.dxpMsg(business, "CEB603Message", "DXPENT0000012345", List.of(DxpMsg.EXPORT_RECEIVER), null);
        DxpMsgSv sv = wrapping.dxpMsgSv(msg, "00000002", "46000002");
        assertThat(sv.svNo().msgId()).hasSize(32).startsWith("00000002");
        DxpMsgSv back = (DxpMsgSv) new EnvelopeReader().read(new EnvelopeWriter().write(sv));
        assertThat(back.svNo()).isEqualTo(sv.svNo());
        assertThat(back.dxpMsg().data()).isEqualTo(business);
        assertThat(new CebReader().read(new EnvelopeWriter().write(sv)).message().type()).isEqualTo(MessageType.CEB603);
    }

    @Test
    void dxpRepReadsBack() throws Exception {
        TransInfo head = new TransInfo("COP-1", "DXPENT0000012345", List.of("DXPEDCCEB0000003"), "2026-11-27T10:00:00", "CEB603Message");
        DxpRep rep = new DxpRep("DXPENT0000012345", null, List.of(new DxpRep.Response(null, "0002", "数据包不能通过schema验证",
                List.of(), "2026-11-27", null, head)));
        DxpRep back = (DxpRep) new EnvelopeReader().read(new EnvelopeWriter().write(rep));
        assertThat(back).isEqualTo(rep);
    }

    @Test
    void envelopeLimitsAreEnforcedWithClearMessages() {
        assertThatThrownBy(() -> wrapping.dxpMsg(business, "CEB603Message", "DXPENT00000123456789", List.of(DxpMsg.EXPORT_RECEIVER), null))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("SenderId");
        assertThatThrownBy(() -> wrapping.dxpMsg(business, "CEB603Message", "DXPENT0000012345",
                List.of("A", "B", "C", "D", "E", "F"), null)).isInstanceOf(EnvelopeException.class).hasMessageContaining("ReceiverId");
        DxpMsg msg = wrapping.dxpMsg(business, "CEB603Message", "DXPENT0000012345", List.of(DxpMsg.EXPORT_RECEIVER), null);
        assertThatThrownBy(() -> wrapping.dxpMsgSv(msg, "12", "46000002")).isInstanceOf(EnvelopeException.class);
    }
}

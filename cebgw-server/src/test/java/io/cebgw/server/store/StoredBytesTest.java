package io.cebgw.server.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored message bytes: what is read is exactly what was written, smaller on disk; old uncompressed values still read. */
class StoredBytesTest {
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:CEB603Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">"
            + "<ceb:InventoryList><ceb:gnum>1</ceb:gnum><ceb:itemName>毛绒玩具</ceb:itemName></ceb:InventoryList>".repeat(10)
            + "</ceb:CEB603Message>";

    private static byte[] envelope(String data) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\" ver=\"1.0\"><TransInfo><CopMsgId>X</CopMsgId>"
                + "</TransInfo><Data>" + data + "</Data><AddInfo/></DxpMsg>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void xmlComesBackExactlyAndSmaller() {
        byte[] raw = XML.getBytes(StandardCharsets.UTF_8);
        byte[] stored = StoredBytes.pack(raw);
        assertThat(stored.length).isLessThan(raw.length / 3);
        assertThat(StoredBytes.unpack(stored)).isEqualTo(raw);
    }

    @Test
    void anEnvelopesBase64IsKeptDecodedAndEncodedAgainByteForByte() {
        byte[] raw = envelope(Base64.getEncoder().encodeToString(XML.getBytes(StandardCharsets.UTF_8)));
        byte[] stored = StoredBytes.pack(raw);
        assertThat(stored[3]).as("the envelope form").isEqualTo((byte) 2);
        assertThat(StoredBytes.unpack(stored)).isEqualTo(raw);
        byte[] plainDeflate = StoredBytes.pack(new String(raw, StandardCharsets.UTF_8).replace("<Data>", "<Dat_>").replace("</Data>", "</Dat_>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(stored.length).as("smaller than deflating the base64").isLessThan(plainDeflate.length);
    }

    @Test
    void base64ThatWouldNotEncodeBackTheSameIsKeptAsItIs() {
        String wrapped = Base64.getMimeEncoder().encodeToString(XML.repeat(3).getBytes(StandardCharsets.UTF_8)); // CRLF every 76 characters
        for (byte[] raw : new byte[][] {envelope(wrapped), envelope("not base64 at all!"), envelope(""), "<Data>AB".getBytes(StandardCharsets.US_ASCII)}) {
            byte[] stored = StoredBytes.pack(raw);
            assertThat(stored[3]).isEqualTo((byte) 1);
            assertThat(StoredBytes.unpack(stored)).isEqualTo(raw);
        }
    }

    @Test
    void anyBytesComeBackEvenOnesThatLookPacked() {
        Random random = new Random(7);
        byte[] noise = new byte[5000];
        random.nextBytes(noise);
        noise[0] = 0;
        noise[1] = 'C';
        noise[2] = 'Z';
        noise[3] = 1;
        assertThat(StoredBytes.unpack(StoredBytes.pack(noise))).isEqualTo(noise);
        assertThat(StoredBytes.unpack(StoredBytes.pack(new byte[0]))).isEmpty();
        assertThat(StoredBytes.pack(null)).isNull();
        assertThat(StoredBytes.unpack(null)).isNull();
    }

    @Test
    void valuesStoredBeforeCompressionAreReadAsTheyAre() {
        byte[] legacy = XML.getBytes(StandardCharsets.UTF_8);
        assertThat(StoredBytes.unpack(legacy)).isSameAs(legacy);
        assertThat(StoredBytes.unpack(new byte[] {0, 'C'})).hasSize(2);
    }

    @Test
    void aDamagedValueIsAnErrorNotOtherBytes() {
        byte[] stored = StoredBytes.pack(XML.getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(stored, stored.length / 2);
        assertThatThrownBy(() -> StoredBytes.unpack(cut)).isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    }
}

package io.cebgw.core.codec;

import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.ReadError;
import io.cebgw.core.xml.XmlInput;
import io.cebgw.core.xml.XmlLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile and broken input gets one clear, specific error, never a crash, an expansion or unbounded memory. */
class HostileInputTest {
    private static final String RECEIPT = "<ceb:CEB304Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"4CDE1CFD-EDED-46B1-946C-B8022E42FC94\" version=\"1.0\">"
            + "<ceb:OrderReturn><ceb:guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</ceb:guid><ceb:ebpCode>3301964ABC</ceb:ebpCode>"
            + "<ceb:ebcCode>3301964ABC</ceb:ebcCode><ceb:orderNo>%s</ceb:orderNo><ceb:returnStatus>2</ceb:returnStatus>"
            + "<ceb:returnTime>20261127101010123</ceb:returnTime><ceb:returnInfo>新增申报成功</ceb:returnInfo></ceb:OrderReturn></ceb:CEB304Message>";
    private static final String DXP = "<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\" ver=\"1.0\"><TransInfo><CopMsgId>1</CopMsgId>"
            + "<SenderId>DXPENT0000012345</SenderId><ReceiverIds><ReceiverId>DXPEDCCEB0000003</ReceiverId></ReceiverIds>"
            + "<CreatTime>2026-11-27T10:00:00</CreatTime><MsgType>CEB304Message</MsgType></TransInfo><Data>%s</Data></DxpMsg>";
    private final CebReader reader = new CebReader();

    @TempDir
    Path dir;

    private static String receipt(String orderNo) {
        return String.format(RECEIPT, orderNo);
    }

    private void assertRefused(byte[] input, ReadError expected) {
        assertThatThrownBy(() -> reader.read(input)).isInstanceOfSatisfying(CebReadException.class, e -> {
            assertThat(e.error()).isEqualTo(expected);
            for (Locale locale : new Locale[] {Locale.CHINESE, Locale.ENGLISH}) {
                String line = e.describe(locale);
                assertThat(line).startsWith(expected.code()).doesNotContain("\n").doesNotContain("Exception");
            }
        });
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + receipt("&xxe;");
        assertRefused(xxe.getBytes(StandardCharsets.UTF_8), ReadError.DTD_FORBIDDEN);
    }

    @Test
    void billionLaughsIsRefusedBeforeExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertRefused((dtd + receipt("&lol9;")).getBytes(StandardCharsets.UTF_8), ReadError.DTD_FORBIDDEN);
    }

    @Test
    void entityReferenceWithoutDtdIsRefused() {
        assertRefused(receipt("&undeclared;").getBytes(StandardCharsets.UTF_8), ReadError.DTD_FORBIDDEN);
    }

    @Test
    void a200MegabyteFileIsRefusedWithoutReadingIt() throws Exception {
        Path big = dir.resolve("big.xml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024);
        }
        assertThatThrownBy(() -> reader.read(big)).isInstanceOfSatisfying(CebReadException.class,
                e -> assertThat(e.error()).isEqualTo(ReadError.TOO_LARGE));
    }

    @Test
    void a200MegabyteStreamIsCutOffAtTheLimit() {
        InputStream endless = new InputStream() {
            private long left = 200L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        XmlLimits small = new XmlLimits(8L * 1024 * 1024, 64);
        assertThatThrownBy(() -> XmlInput.readStream(endless, small)).isInstanceOfSatisfying(CebReadException.class,
                e -> assertThat(e.error()).isEqualTo(ReadError.TOO_LARGE));
    }

    @Test
    void wrongEncodingsAreRefused() {
        Charset gbk = Charset.forName("GBK");
        assertRefused(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + receipt("订单一")).getBytes(gbk), ReadError.ENCODING);
        assertRefused(("<?xml version=\"1.0\" encoding=\"GBK\"?>" + receipt("订单一")).getBytes(gbk), ReadError.ENCODING);
        assertRefused(("\uFEFF" + receipt("A1")).getBytes(StandardCharsets.UTF_16), ReadError.ENCODING);
    }

    @Test
    void unknownRootsAreRefused() {
        assertRefused("<Order><orderNo>1</orderNo></Order>".getBytes(StandardCharsets.UTF_8), ReadError.UNKNOWN_ROOT);
        assertRefused(receipt("A1").replace("http://www.chinaport.gov.cn/ceb", "urn:other").getBytes(StandardCharsets.UTF_8),
                ReadError.UNKNOWN_ROOT);
    }

    @Test
    void truncatedAndEmptyDocumentsAreRefused() {
        byte[] whole = receipt("A1").getBytes(StandardCharsets.UTF_8);
        assertRefused(java.util.Arrays.copyOf(whole, whole.length / 2), ReadError.NOT_WELL_FORMED);
        assertRefused(new byte[0], ReadError.EMPTY);
        assertRefused("not xml at all".getBytes(StandardCharsets.UTF_8), ReadError.NOT_WELL_FORMED);
    }

    @Test
    void deepNestingIsRefusedWhereItIsKeptAndSkippedWhereItIsNot() throws Exception {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        // a deep signature would be kept verbatim: refused
        String sig = receipt("A1").replace("</ceb:CEB304Message>",
                "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">" + deep + "</ds:Signature></ceb:CEB304Message>");
        assertRefused(sig.getBytes(StandardCharsets.UTF_8), ReadError.TOO_DEEP);
        // a deep unknown element is skipped without keeping anything: one finding
        String unknown = receipt("A1").replace("<ceb:OrderReturn>", "<ceb:OrderReturn><x:Extra xmlns:x=\"urn:x\">" + deep + "</x:Extra>");
        ReadResult read = reader.read(unknown.getBytes(StandardCharsets.UTF_8));
        assertThat(read.findings()).extracting(f -> f.code()).containsExactly("CEB-S001");
    }

    @Test
    void badBase64InAnEnvelopeIsRefused() {
        assertRefused(String.format(DXP, "!!not base64!!").getBytes(StandardCharsets.UTF_8), ReadError.BAD_BASE64);
    }

    @Test
    void base64WithLineBreaksInAnEnvelopeIsAccepted() throws Exception {
        String payload = Base64.getMimeEncoder().encodeToString(receipt("A1").getBytes(StandardCharsets.UTF_8));
        assertThat(reader.read(String.format(DXP, payload).getBytes(StandardCharsets.UTF_8)).envelope()).isNotNull();
    }

    @Test
    void structuralDefectsAreFindingsNotFailures() throws Exception {
        String doc = receipt("A1").replace("<ceb:ebpCode>3301964ABC</ceb:ebpCode>", "<ceb:ebpCode>3301964ABC</ceb:ebpCode><ceb:bogus>1</ceb:bogus>")
                .replace("<ceb:returnStatus>2</ceb:returnStatus>", "<ceb:returnStatus>2</ceb:returnStatus><ceb:returnStatus>3</ceb:returnStatus>");
        ReadResult read = reader.read(doc.getBytes(StandardCharsets.UTF_8));
        assertThat(read.findings()).extracting(f -> f.code()).containsExactlyInAnyOrder("CEB-S001", "CEB-S003");
    }

    @Test
    void fileThatDoesNotExistIsAnIoError() {
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.xml"))).isInstanceOfSatisfying(CebReadException.class,
                e -> assertThat(e.error()).isEqualTo(ReadError.IO));
        assertThat(Files.exists(dir.resolve("missing.xml"))).isFalse();
    }
}

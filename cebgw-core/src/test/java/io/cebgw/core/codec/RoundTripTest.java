package io.cebgw.core.codec;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.testing.Canonical;
import io.cebgw.core.testing.SharedSpec;
import io.cebgw.core.validation.MessageValidator;
import io.cebgw.core.xml.CebReadException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading and writing again changes nothing that counts: every valid sample comes back C14N-equivalent. */
class RoundTripTest {
    private final CebReader reader = new CebReader();
    private final CebWriter writer = new CebWriter();

    @Test
    void everyValidSampleRoundTripsToAnEquivalentDocument() throws Exception {
        List<String> checked = new ArrayList<>();
        for (String version : List.of("202205", "2018")) {
            for (Path sample : SharedSpec.files(SharedSpec.samples(version, "export"))) {
                ReadResult read;
                try {
                    read = reader.read(sample);
                } catch (CebReadException e) {
                    continue; // the CEB214 sample with its wrong root
                }
                if (!read.findings().isEmpty() || (version.equals("202205") && !new MessageValidator().validate(read).valid())) {
                    continue; // the samples with structural defects are not valid documents
                }
                byte[] original = Files.readAllBytes(sample);
                byte[] written = writer.write(read.message());
                assertThat(Canonical.of(written)).as(sample.toString()).isEqualTo(Canonical.of(original));
                checked.add(version + "/" + sample.getFileName());
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(13 + 17);
    }

    @Test
    void writerDeclaresBothNamespacesOnTheRootAndPrefixesEveryElement() throws Exception {
        CebMessage message = reader.read(SharedSpec.samples("202205", "export").resolve("CEB604Message.xml")).message();
        String xml = new String(writer.write(message), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml).contains("<ceb:CEB604Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" guid=\"");
        assertThat(xml.lines().filter(l -> l.strip().startsWith("<") && !l.strip().startsWith("<?")))
                .allSatisfy(l -> assertThat(l.strip()).matches("</?ceb:.*"));
    }

    @Test
    void defaultNamespaceReceiptsAreReadLikePrefixedOnes() throws Exception {
        String receipt = "<CEB604Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"4CDE1CFD-EDED-46B1-946C-B8022E42FC94\" version=\"1.0\">"
                + "<InventoryReturn><guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</guid><agentCode>3101980123</agentCode>"
                + "<copNo>COP1</copNo><preNo>B20261127000123456</preNo><invtNo>29282026E000123456</invtNo>"
                + "<ebcCode>3301964ABC</ebcCode><ebpCode>3301964ABC</ebpCode><orderNo>B2B1</orderNo><statisticsFlag>A</statisticsFlag>"
                + "<returnStatus>800</returnStatus><returnTime>20261127101010123</returnTime><returnInfo>[Code:2600;Desc:放行]</returnInfo>"
                + "</InventoryReturn></CEB604Message>";
        ReadResult read = reader.read(("\uFEFF" + receipt).getBytes(StandardCharsets.UTF_8));
        assertThat(read.findings()).isEmpty();
        assertThat(read.message().businessRecords().get(0).get("returnStatus")).isEqualTo("800");
        assertThat(new MessageValidator().validate(read).valid()).isTrue();
        assertThat(Canonical.of(writer.write(read.message()))).isEqualTo(
                Canonical.of(receipt.replace("<CEB604Message xmlns=\"http://www.chinaport.gov.cn/ceb\"",
                        "<ceb:CEB604Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"")
                        .replaceAll("<(/?)(?!ceb:)(\\w)", "<$1ceb:$2").getBytes(StandardCharsets.UTF_8)));
    }
}

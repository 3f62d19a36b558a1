package io.cebgw.core.validation;

import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.testing.SharedSpec;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.ReadError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official samples are judged right: the ten 202205 export samples that fail the official XSD are reported
 * with exactly their known defects, the other thirteen have no error, and every 2018 sample reads.
 */
class OfficialSamplesTest {
    private static final Set<String> DUPLICATED_BASE_TRANSFER = Set.of("CEB303", "CEB403", "CEB505", "CEB507", "CEB509",
            "CEB603", "CEB605", "CEB607");
    private final CebReader reader = new CebReader();
    private final MessageValidator validator = new MessageValidator();

    @Test
    void eachSampleGetsTheVerdictOfTheOfficialXsd() throws Exception {
        List<Path> samples = SharedSpec.files(SharedSpec.samples("202205", "export"));
        assertThat(samples).hasSize(23);
        XsdCheck xsd = new XsdCheck(SharedSpec.xsd202205());
        Map<String, Boolean> ours = new TreeMap<>();
        Map<String, Boolean> official = new TreeMap<>();
        for (Path sample : samples) {
            String code = sample.getFileName().toString().substring(0, 6);
            official.put(code, xsd.check(java.nio.file.Files.readAllBytes(sample), XsdCheck.EXPORT).isEmpty());
            try {
                ours.put(code, validator.validate(reader.read(sample)).valid());
            } catch (CebReadException e) {
                ours.put(code, false);
            }
        }
        assertThat(ours).isEqualTo(official);
        assertThat(official.values().stream().filter(v -> !v)).hasSize(10);
    }

    @Test
    void duplicatedBaseTransferIsReportedAsSuch() throws Exception {
        for (String code : DUPLICATED_BASE_TRANSFER) {
            ValidationReport report = validate(code);
            assertThat(report.valid()).as(code).isFalse();
            assertThat(report.findings()).as(code).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.TOO_MANY.code());
                assertThat(f.path()).isEqualTo("/ceb:" + code + "Message/ceb:BaseTransfer");
                assertThat(f.messageZh()).contains("BaseTransfer").contains("2");
                assertThat(f.messageEn()).contains("BaseTransfer").contains("at most 1");
            });
        }
    }

    @Test
    void summaryResultWithoutGseqnoIsReported() throws Exception {
        ValidationReport report = validate("CEB792");
        assertThat(report.errors()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.REQUIRED.code());
            assertThat(f.path()).endsWith("/ceb:gseqno");
        });
    }

    @Test
    void refundReceiptWithWrongRootIsUnreadable() {
        Path sample = SharedSpec.samples("202205", "export").resolve("CEB214Message.xml");
        assertThatThrownBy(() -> reader.read(sample))
                .isInstanceOfSatisfying(CebReadException.class, e -> {
                    assertThat(e.error()).isEqualTo(ReadError.UNKNOWN_ROOT);
                    assertThat(e.getMessage()).contains("ceb:CEB214");
                });
    }

    @Test
    void theThirteenValidSamplesHaveNoError() throws Exception {
        for (String code : List.of("CEB213", "CEB215", "CEB216", "CEB304", "CEB404", "CEB506", "CEB508", "CEB510",
                "CEB604", "CEB606", "CEB608", "CEB701", "CEB702")) {
            assertThat(validate(code).errors()).as(code).isEmpty();
        }
    }

    @Test
    void every2018SampleReads() throws Exception {
        for (String direction : List.of("export", "import")) {
            for (Path sample : SharedSpec.files(SharedSpec.samples("2018", direction))) {
                if (direction.equals("import")) {
                    // import messages are outside this project's scope: they must be refused cleanly, never crash
                    assertThatThrownBy(() -> reader.read(sample)).isInstanceOf(CebReadException.class);
                    continue;
                }
                ReadResult read = reader.read(sample);
                assertThat(read.message().businessRecords()).as(sample.toString()).isNotEmpty();
                assertThat(read.findings()).as(sample.toString()).isEmpty();
            }
        }
    }

    private ValidationReport validate(String code) throws CebReadException {
        return validator.validate(reader.read(SharedSpec.samples("202205", "export").resolve(code + "Message.xml")));
    }
}

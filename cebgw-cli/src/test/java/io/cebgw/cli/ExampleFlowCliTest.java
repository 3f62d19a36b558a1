package io.cebgw.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.cebgw.cli.CliTest.cebgw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cebgw example --flow} writes a shipment that validates together, and {@code cebgw validate} given the files of
 * a shipment finds what a declarant got wrong between them, naming both ends.
 */
class ExampleFlowCliTest {
    @TempDir
    Path dir;

    private List<String> flow(String tradeMode) throws Exception {
        Path out = dir.resolve("flow-" + tradeMode);
        CliTest.Run run = cebgw("example", "--flow", tradeMode, "-o", out.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            return files.map(Path::toString).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9710", "9810"})
    void aFlowIsSixDocumentsThatValidateTogether(String tradeMode) throws Exception {
        List<String> files = flow(tradeMode);
        assertThat(files).hasSize(6);
        assertThat(files.get(0)).endsWith("1-CEB303Message.xml");
        assertThat(files.get(5)).endsWith("6-CEB509Message.xml");
        List<String> args = new ArrayList<>(List.of("validate", "--json"));
        args.addAll(files);
        CliTest.Run run = cebgw(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("CEB-D0").doesNotContain("CEB-B004").doesNotContain("CEB-B006");
    }

    @Test
    void validateNamesBothEndsOfAMismatchAndExitsOne() throws Exception {
        List<String> files = flow("9710");
        Path list = Path.of(files.get(2));
        String xml = Files.readString(list, StandardCharsets.UTF_8);
        Files.writeString(list, xml.replaceFirst("<ceb:totalPrice>([0-9.]+)</ceb:totalPrice>", "<ceb:totalPrice>1.00</ceb:totalPrice>")
                .replaceFirst("<ceb:price>([0-9.]+)</ceb:price>", "<ceb:price>0.01</ceb:price>")
                .replaceFirst("<ceb:qty>([0-9]+)</ceb:qty>", "<ceb:qty>100</ceb:qty>"), StandardCharsets.UTF_8);
        Path departure = Path.of(files.get(5));
        Files.writeString(departure, Files.readString(departure, StandardCharsets.UTF_8).replace("YT20", "ZT20"), StandardCharsets.UTF_8);
        CliTest.Run run = cebgw("validate", files.get(0), files.get(1), files.get(2), files.get(5));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("CEB-D012").contains("↔ " + files.get(0) + ":/ceb:CEB303Message/ceb:Order[1]/ceb:OrderList[1]/ceb:price")
                .contains("CEB-D003");
        CliTest.Run json = cebgw("validate", "--json", files.get(0), files.get(2));
        assertThat(json.out()).contains("\"linkedPath\":\"" + files.get(0) + ":/ceb:CEB303Message");
    }

    @Test
    void aFlowWithATypeOrAnUnknownModeIsRefused() {
        assertThat(cebgw("example", "CEB603", "--flow", "9710", "-o", dir.resolve("x").toString()).exit()).isEqualTo(2);
        assertThat(cebgw("example", "--flow", "0110", "-o", dir.resolve("y").toString()).exit()).isEqualTo(2);
        assertThat(cebgw("example").exit()).isEqualTo(2);
    }
}

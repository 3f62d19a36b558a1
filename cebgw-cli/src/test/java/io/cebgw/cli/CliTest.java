package io.cebgw.cli;

import io.cebgw.core.spec.MessageType;
import io.cebgw.core.testing.SharedSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user meets it: exit codes, output, one-line errors, no stack traces. */
class CliTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exit, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static Run cebgw(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CebgwCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception in");
        return new Run(exit, out.toByteArray(), stderr);
    }

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void helpListsEveryCommandWithExamples() {
        Run run = cebgw("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("example", "validate", "wrap", "unwrap", "Examples / 示例", "./cebgw validate");
        for (String command : new String[] {"example", "validate", "wrap", "unwrap"}) {
            Run help = cebgw(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: cebgw " + command, "示例");
        }
        assertThat(cebgw("wrap", "--help").out()).contains("--sender", "--transfer", "--output");
    }

    @Test
    void everyExampleValidatesWithExitZero() throws Exception {
        for (MessageType type : MessageType.values()) {
            Run example = cebgw("example", type.name(), "--trade-mode", "9810");
            assertThat(example.exit()).as(type.name()).isZero();
            Run validate = cebgw("validate", write(type + ".xml", example.stdout()).toString());
            assertThat(validate.exit()).as(type + ": " + validate.out()).isZero();
            assertThat(validate.out()).contains(type.rootName()).contains("通过");
        }
    }

    @Test
    void findingsGiveExitOneAndJsonForMachines() throws Exception {
        Path sample = SharedSpec.samples("202205", "export").resolve("CEB603Message.xml");
        Run text = cebgw("validate", "--lang", "en", sample.toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("INVALID", "CEB-S005", "/ceb:CEB603Message/ceb:BaseTransfer");
        Run json = cebgw("validate", "--json", sample.toString());
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).startsWith("{\"files\":[{\"file\":").contains("\"valid\":false", "\"code\":\"CEB-S005\"", "\"message_en\":", "\"message_zh\":");
    }

    @Test
    void schemaDirAddsTheOfficialXsdCheck() {
        Path sample = SharedSpec.samples("202205", "export").resolve("CEB792Message.xml");
        Run run = cebgw("validate", "--schema-dir", SharedSpec.xsd202205().toString(), sample.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("CEB-X001", "gseqno");
        assertThat(cebgw("validate", "--schema-dir", dir.resolve("nowhere").toString(), sample.toString()).exit()).isEqualTo(2);
    }

    @Test
    void unreadableInputGivesExitTwoAndOneLine() throws Exception {
        Path xxe = write("xxe.xml", "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>".getBytes(StandardCharsets.UTF_8));
        Run run = cebgw("validate", xxe.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr()).contains("CEB-I004", "DTD");
        Path truncated = write("cut.xml", "<ceb:CEB304Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"><ceb:Order".getBytes(StandardCharsets.UTF_8));
        assertThat(cebgw("validate", "--lang", "en", truncated.toString()).stderr()).contains("CEB-I003", "malformed XML");
        assertThat(cebgw("validate", dir.resolve("missing.xml").toString()).exit()).isEqualTo(2);
        assertThat(cebgw("example", "CEB999").exit()).isEqualTo(2);
        assertThat(cebgw("example", "CEB603", "--trade-mode", "9810", "--order-type", "B").exit()).isEqualTo(2);
        assertThat(cebgw("validate").exit()).isEqualTo(2);
    }

    @Test
    void wrapAndUnwrapKeepTheMessageByteForByte() throws Exception {
        Run example = cebgw("example", "CEB303", "--order-type", "W");
        Path business = write("order.xml", example.stdout());
        Run wrapped = cebgw("wrap", business.toString(), "--sender", "DXPENT0000012345");
        assertThat(wrapped.exit()).isZero();
        assertThat(wrapped.out()).contains("<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\"", "<ReceiverId>DXPEDCCEB0000003</ReceiverId>",
                "<MsgType>CEB303Message</MsgType>");
        Path envelope = write("order.dxp.xml", wrapped.stdout());
        Run unwrapped = cebgw("unwrap", envelope.toString());
        assertThat(unwrapped.exit()).isZero();
        assertThat(unwrapped.stdout()).isEqualTo(example.stdout());
        assertThat(cebgw("validate", envelope.toString()).out()).contains("(DxpMsg)");

        Run transfer = cebgw("wrap", business.toString(), "--sender", "DXPENT0000012345", "--transfer", "--sta-node", "00000002",
                "--end-node", "46000002", "-o", dir.resolve("sv.xml").toString());
        assertThat(transfer.exit()).isZero();
        assertThat(Files.readString(dir.resolve("sv.xml"))).contains("<DxpMsgSv", "<StaNode>00000002</StaNode>");
        assertThat(cebgw("wrap", business.toString(), "--sender", "DXPENT0000012345", "--transfer").exit()).isEqualTo(2);
        assertThat(cebgw("wrap", envelope.toString(), "--sender", "DXPENT0000012345").exit()).isEqualTo(2);
    }

    @Test
    void crossDocumentFindingsGoToTheListTheyConcern() throws Exception {
        Path booking = write("booking.xml", cebgw("example", "CEB303", "--order-type", "W").stdout());
        Path matching = write("list-9810.xml", cebgw("example", "CEB603", "--trade-mode", "9810").stdout());
        String orderNo = Files.readString(booking).replaceAll("(?s).*<ceb:orderNo>([^<]+)</ceb:orderNo>.*", "$1");
        Path wrong = write("list-9710.xml", cebgw("example", "CEB603", "--trade-mode", "9710").out()
                .replaceAll("<ceb:orderNo>[^<]+</ceb:orderNo>", "<ceb:orderNo>" + orderNo + "</ceb:orderNo>")
                .getBytes(StandardCharsets.UTF_8));
        Run run = cebgw("validate", "--json", booking.toString(), matching.toString(), wrong.toString());
        assertThat(run.exit()).isEqualTo(1);
        String[] files = run.out().split("\\{\"file\":");
        assertThat(files).hasSize(4);
        assertThat(files[2]).contains("list-9810.xml").doesNotContain("CEB-B004");
        assertThat(files[3]).contains("list-9710.xml", "CEB-B004");
    }
}

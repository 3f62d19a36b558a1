package io.cebgw.sandbox;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.transport.folder.FolderTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static io.cebgw.sandbox.GatewaySide.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** Garbage in the inbox is rejected and logged, never a crash, and a valid message after it is still processed. */
class GarbageTest {
    @TempDir
    Path dir;

    @Test
    void survivesGarbageAndKeepsTheValidMessageThatFollows() throws Exception {
        try (SandboxHarness h = new SandboxHarness(dir, false)) {
            byte[] random = new byte[64 * 1024];
            new Random(7).nextBytes(random);
            h.gateway.sendRaw("random", random);
            h.gateway.sendRaw("empty", new byte[0]);
            h.gateway.sendRaw("not-xml", "hello, customs".getBytes(StandardCharsets.UTF_8));
            h.gateway.sendRaw("xxe", ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\">&x;</DxpMsg>").getBytes(StandardCharsets.UTF_8));
            h.gateway.sendRaw("bad-base64", ("<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\" ver=\"1.0\"><TransInfo><CopMsgId>X1</CopMsgId>"
                    + "<SenderId>DXPENT0000012345</SenderId><ReceiverIds><ReceiverId>DXPEDCCEB0000003</ReceiverId></ReceiverIds>"
                    + "<CreatTime>2026-11-27T10:00:00</CreatTime><MsgType>CEB303Message</MsgType></TransInfo><Data>!!!</Data></DxpMsg>")
                    .getBytes(StandardCharsets.UTF_8));
            Path staged = dir.resolve("huge.part");
            try (OutputStream out = Files.newOutputStream(staged)) {
                byte[] block = new byte[1 << 20];
                for (int i = 0; i < 40; i++) {
                    out.write(block);
                }
            }
            Path huge = dir.resolve("out").resolve("20000101000000000-000000-huge.xml");
            Files.move(staged, huge, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // the folder protocol: complete files only
            CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "AFTER-", SandboxHarness.DXP_ID);
            String orderNo = order.businessRecords().get(0).child("OrderHead").get("orderNo");
            h.gateway.send(order);

            assertThat(h.gateway.await(receipt("CEB304Message", "120", "orderNo", orderNo), SandboxHarness.WAIT))
                    .as("the valid order after the garbage is processed").isNotNull();
            GatewaySide.Answer badBase64 = h.gateway.await(a -> "X1".equals(a.fields().get("oriCopMsgId")), SandboxHarness.WAIT);
            assertThat(badBase64.status()).as("bad base64 with a readable TransInfo gets DxpRep 0001").isEqualTo("0001");
            assertThat(badBase64.fields().get("ResponseInfo")).contains("CEB-I008");
            assertThat(h.sandbox.ledger().arrivals()).filteredOn(a -> !a.accepted()).hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(a -> assertThat(a.verdicts()).isNotEmpty());
            assertThat(Files.exists(dir.resolve("failed").resolve(huge.getFileName()))).as("the 40 MB file is set aside unread").isTrue();
            assertThat(Files.readString(dir.resolve("failed").resolve(huge.getFileName() + ".reason.txt"))).contains("too large");
            try (Stream<Path> left = Files.list(dir.resolve("out"))) {
                assertThat(left.filter(Files::isRegularFile)).as("nothing is left unprocessed").isEmpty();
            }
            assertThat(h.sandbox.ledger().arrivals().stream().flatMap(a -> a.verdicts().stream()))
                    .noneMatch(v -> "internal".equals(v.check()));
        }
    }

    @Test
    void sequencedMessagesAreWrittenOnceEvenWhenSentAgain() throws Exception {
        FolderTransport sender = new FolderTransport(dir, FolderTransport.Side.ENTERPRISE, java.time.Duration.ofMillis(5), 1 << 20);
        var envelope = new io.cebgw.core.transport.Transport.Envelope("COP-1", "<x/>".getBytes(StandardCharsets.UTF_8), 42);
        sender.send(envelope);
        sender.send(envelope); // a retry after a crash, before the peer took it
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile)).singleElement().satisfies(p ->
                    assertThat(p.getFileName().toString()).isEqualTo("S000000000000042-COP-1.xml"));
        }
        Files.move(dir.resolve("out/S000000000000042-COP-1.xml"), dir.resolve("sent/S000000000000042-COP-1.xml"));
        sender.send(envelope); // and after the peer took it
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        FolderTransport exchange = new FolderTransport(dir, FolderTransport.Side.EXCHANGE, java.time.Duration.ofMillis(5), 1 << 20);
        sender.send(new io.cebgw.core.transport.Transport.Envelope("COP-2", "<y/>".getBytes(StandardCharsets.UTF_8), 43));
        java.util.List<String> ids = new java.util.ArrayList<>();
        exchange.pollOnce(e -> ids.add(e.id()));
        assertThat(ids).containsExactly("COP-2");
    }

    @Test
    void folderTransportNeverShowsPartialFiles() throws Exception {
        FolderTransport sender = new FolderTransport(dir, FolderTransport.Side.ENTERPRISE, java.time.Duration.ofMillis(5), 1 << 20);
        sender.send(new io.cebgw.core.transport.Transport.Envelope("A/B:C", "<x/>".getBytes(StandardCharsets.UTF_8)));
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .singleElement().satisfies(n -> assertThat(n).endsWith("-A_B_C.xml").doesNotStartWith("."));
        }
        try (Stream<Path> temp = Files.list(dir.resolve("out").resolve(".tmp"))) {
            assertThat(temp).isEmpty();
        }
    }
}

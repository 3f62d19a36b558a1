package io.cebgw.sandbox;

import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.testing.SharedSpec;
import io.cebgw.core.validation.XsdCheck;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.transport.folder.FolderTransport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An in-process sandbox on a folder exchange, and an enterprise side that signs with the test SM2 key. */
final class SandboxHarness implements AutoCloseable {
    static final String DXP_ID = "DXPENT0000012345";
    static final String CUSTOMS_CODE = "3301964ABC";
    static final Duration WAIT = Duration.ofSeconds(20);

    final Sandbox sandbox;
    final GatewaySide gateway;
    final FolderTransport exchange;
    final Path folder;

    SandboxHarness(Path folder) throws Exception {
        this(folder, true);
    }

    SandboxHarness(Path folder, boolean withXsd) throws Exception {
        this.folder = folder;
        SandboxConfig config = new SandboxConfig(null, folder, -1, 5, withXsd ? SharedSpec.xsd202205() : null, List.of(), null);
        Registry registry = new Registry();
        registry.register(new Enterprise("杭州示例鞋业进出口有限公司", CUSTOMS_CODE, DXP_ID,
                List.of(TestKeys.key(SignatureSuite.SM2_SM3).certificate())));
        exchange = new FolderTransport(folder, FolderTransport.Side.EXCHANGE, Duration.ofMillis(10), 32L << 20);
        sandbox = new Sandbox(config, registry, exchange, Clock.systemUTC());
        sandbox.start();
        gateway = new GatewaySide(new FolderTransport(folder, FolderTransport.Side.ENTERPRISE, Duration.ofMillis(10), 32L << 20),
                new CebSigner(TestKeys.key(SignatureSuite.SM2_SM3).signingKey()), DXP_ID, config.nodeId());
    }

    /** Every envelope the enterprise side received, and the receipt inside, is valid against the official XSDs. */
    int assertReceivedConformToXsd() throws Exception {
        Thread.sleep(100); // let the enterprise side move the last files to received/
        XsdCheck xsd = new XsdCheck(SharedSpec.xsd202205());
        int checked = 0;
        try (Stream<Path> files = Files.list(folder.resolve("received"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] envelope = Files.readAllBytes(file);
                assertThat(xsd.check(envelope, XsdCheck.TERMINAL))
                        .as(file + " envelope").noneMatch(Finding::isError);
                if (new EnvelopeReader().read(envelope) instanceof DxpMsg msg) {
                    MessageType type = MessageType.byRootName(msg.transInfo().msgType()).orElseThrow();
                    assertThat(xsd.check(msg.data(), XsdCheck.schemaFor(type)))
                            .as(file + " " + type).noneMatch(Finding::isError);
                }
                checked++;
            }
        }
        return checked;
    }

    @Override
    public void close() {
        gateway.close();
        sandbox.close();
    }
}

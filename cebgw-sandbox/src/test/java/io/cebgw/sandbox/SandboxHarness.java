package io.cebgw.sandbox;

import io.cebgw.core.testing.SharedSpec;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.transport.folder.FolderTransport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

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

    @Override
    public void close() {
        gateway.close();
        sandbox.close();
    }
}

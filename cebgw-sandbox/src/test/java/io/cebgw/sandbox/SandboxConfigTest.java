package io.cebgw.sandbox;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsYamlWithPathsRelativeToTheFile() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), Pem.encode("CERTIFICATE", TestKeys.key(SignatureSuite.SM2_SM3).certificate().getEncoded()));
        Files.writeString(dir.resolve("sandbox.yml"), """
                node-id: DXPEDCCEB0000003
                folder: exchange
                http-port: 8099
                step-millis: 250
                enterprises:
                  - name: 杭州示例鞋业进出口有限公司
                    customs-code: 3301964ABC
                    dxp-id: DXPENT0000012345
                    certificates: [cert.pem]
                rules:
                  list-needs-order: true
                  list-needs-waybill: false
                  release-on-arrival: true
                  close-on-departure: true
                """);
        SandboxConfig config = SandboxConfig.load(dir.resolve("sandbox.yml"));
        assertThat(config.folder()).isEqualTo(dir.resolve("exchange"));
        assertThat(config.step().toMillis()).isEqualTo(250);
        assertThat(config.rules().listNeedsWaybill()).isFalse();
        Registry registry = Registry.of(config.enterprises());
        assertThat(registry.byDxpId("DXPENT0000012345").orElseThrow().certificates()).hasSize(1);
    }

    @Test
    void unknownKeysAreRefused() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), "folder: x\nstep-milis: 5\n");
        assertThatThrownBy(() -> SandboxConfig.load(dir.resolve("bad.yml"))).hasMessageContaining("step-milis");
    }
}

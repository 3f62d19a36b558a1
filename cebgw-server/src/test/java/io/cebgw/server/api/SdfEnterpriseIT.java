package io.cebgw.server.api;

import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.testing.SoftSdf;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.Signers;
import io.cebgw.server.ops.Check;
import io.cebgw.server.ops.KeyProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enterprise whose signing profile is an encryption machine (GM/T 0018 SDF, the software device): registered like
 * any other, its declarations signed in the device go through the sandbox to their final statuses, and the doctor's and
 * onboarding's key check reads the device key's certificate.
 */
@Tag("sdf") // runs in the failsafe execution "sdf", whose working directory is the device folder
class SdfEnterpriseIT extends GatewayTestBase {
    private static final Path DEVICE = Path.of("").toAbsolutePath();

    @Autowired
    Signers signers;

    @Test
    void anEnterpriseSigningWithTheEncryptionMachineDeclares() throws Exception {
        SoftSdf.key(1, "server-sdf-password");
        Files.writeString(DEVICE.resolve("server-key.password"), "server-sdf-password\n");
        String profile = "type=sdf\nlibrary=" + SoftSdf.library() + "\nkey-index=1\npassword.file=" + DEVICE.resolve("server-key.password") + "\n";
        try (SigningKey bare = new KeySources().openForRequest(KeySourceSpec.parse(profile, "test"))) {
            Files.writeString(DEVICE.resolve("server-device.pem"), Pem.encode("CERTIFICATE", KeyPairs.certify(TestKeys.ca(SignatureSuite.SM2_SM3),
                    bare.publicKey(), "CN=加密机,O=3301964ABC,C=CN", Duration.ofDays(200)).getEncoded()));
        }
        profile += "certificate=" + DEVICE.resolve("server-device.pem") + "\n";

        EnterpriseService.Registered e = enterprises.register("加密机企业", "3301964ABC", "DXPENT0000099901", "EBC,AGENT", profile);
        List<String> ids = declare(e.apiKey(), FlowDocuments.flow("9710", "SDF-", "3301964ABC", "DXPENT0000099901").subList(0, 2));
        assertThat(awaitFinal(e.apiKey(), ids, Duration.ofSeconds(90))).allSatisfy(d ->
                assertThat(d.path("final").asBoolean()).as(d.toString()).isTrue());

        Check key = KeyProbe.of(e.enterprise(), signers, Instant.now());
        assertThat(key.outcome()).as(key.toString()).isEqualTo(Check.Outcome.PASS);
        assertThat(key.area().en()).isEqualTo("encryption machine");
        assertThat(key.detail().zh()).contains("KeyName").contains("剩余 199 天");
        Files.writeString(DEVICE.resolve("server-wrong.password"), "not-the-password\n");
        io.cebgw.server.store.EnterpriseRow wrong = new io.cebgw.server.store.EnterpriseRow(java.util.UUID.randomUUID().toString(), "口令错误",
                "3301964ABC", null, "DXPENT0000099902", "EBC", profile.replace("server-key.password", "server-wrong.password"), null, Instant.now());
        Check refused = KeyProbe.of(wrong, signers, Instant.now());
        assertThat(refused.failed()).isTrue();
        assertThat(refused.detail().en()).contains("CEB-K033");
        assertThat(refused.remedy().zh()).contains("key-index").contains("厂商配置文件");
    }
}

package io.cebgw.cli;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.testing.ExternalTool;
import io.cebgw.crypto.testing.SoftSdf;
import io.cebgw.crypto.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encryption machine through the commands an operator uses, unchanged: {@code csr} makes the request inside the
 * device (before the key has a certificate), {@code sign} signs with it and {@code verify} accepts the result, and the
 * joint-test self-test passes with the device key — on the software GM/T 0018 device.
 */
@Tag("sdf") // runs in the failsafe execution "sdf", whose working directory is the device folder
class SdfCliIT {
    private static final Path DEVICE = Path.of("").toAbsolutePath();
    private static final String PASSWORD = "cli-sdf-password";

    @BeforeAll
    static void device() throws Exception {
        SoftSdf.key(1, PASSWORD);
        Files.writeString(DEVICE.resolve("key.password"), PASSWORD + "\n");
        String settings = "type=sdf\nlibrary=" + SoftSdf.library() + "\nkey-index=1\npassword.file=" + DEVICE.resolve("key.password") + "\n";
        Files.writeString(DEVICE.resolve("sdf-request.properties"), settings);
        try (SigningKey bare = new KeySources().openForRequest(KeySourceSpec.load(DEVICE.resolve("sdf-request.properties")))) {
            Files.writeString(DEVICE.resolve("device.pem"), Pem.encode("CERTIFICATE", KeyPairs.certify(TestKeys.ca(SignatureSuite.SM2_SM3),
                    bare.publicKey(), "CN=加密机,O=3301964ABC,C=CN", Duration.ofDays(365)).getEncoded()));
        }
        Files.writeString(DEVICE.resolve("ca.pem"), Pem.encode("CERTIFICATE", TestKeys.ca(SignatureSuite.SM2_SM3).certificate().getEncoded()));
        Files.writeString(DEVICE.resolve("sdf.properties"), settings + "certificate=" + DEVICE.resolve("device.pem") + "\n");
    }

    @Test
    void csrFromTheDeviceKeyPassesOpenSsl() throws Exception {
        CliTest.Run refused = CliTest.cebgw("csr", "--key", DEVICE.resolve("sdf-request.properties").toString(), "-o", DEVICE.resolve("x.csr").toString());
        assertThat(refused.exit()).as("no certificate yet and no subject").isEqualTo(ExitCode.UNREADABLE);
        assertThat(refused.stderr()).contains("--subject");

        CliTest.Run made = CliTest.cebgw("csr", "--key", DEVICE.resolve("sdf-request.properties").toString(), "--subject",
                "CN=加密机,O=杭州示例鞋业进出口有限公司,C=CN", "-o", DEVICE.resolve("device.csr").toString());
        assertThat(made.exit()).as(made.stderr()).isZero();
        assertThat(made.stderr()).contains("SDF");
        ExternalTool.require("openssl");
        ExternalTool.Result verified = ExternalTool.run(DEVICE, "openssl", "req", "-verify", "-noout", "-in", "device.csr", "-vfyopt", "distid:1234567812345678");
        assertThat(verified.exitCode()).as(verified.output()).isZero();

        CliTest.Run renewal = CliTest.cebgw("csr", "--key", DEVICE.resolve("sdf.properties").toString(), "--renew", DEVICE.resolve("device.pem").toString(),
                "-o", DEVICE.resolve("renew.csr").toString());
        assertThat(renewal.exit()).as(renewal.stderr()).isZero();
        assertThat(ExternalTool.run(DEVICE, "openssl", "req", "-verify", "-noout", "-in", "renew.csr", "-vfyopt", "distid:1234567812345678").exitCode()).isZero();
    }

    @Test
    void signVerifyAndTheSelfTestWithTheDeviceKey() throws Exception {
        Path message = DEVICE.resolve("order.xml");
        assertThat(CliTest.cebgw("example", "CEB303", "-o", message.toString()).exit()).isZero();
        CliTest.Run signed = CliTest.cebgw("sign", message.toString(), "--key", DEVICE.resolve("sdf.properties").toString(), "-o",
                DEVICE.resolve("order.signed.xml").toString());
        assertThat(signed.exit()).as(signed.stderr()).isZero();
        CliTest.Run verified = CliTest.cebgw("verify", DEVICE.resolve("order.signed.xml").toString(), "--trust", DEVICE.resolve("ca.pem").toString());
        assertThat(verified.exit()).as(verified.out() + verified.stderr()).isZero();

        CliTest.Run selfTest = CliTest.cebgw("sandbox", "selftest", "--key", DEVICE.resolve("sdf.properties").toString(), "--dxp-id", "DXPENT0000012345",
                "--customs-code", "3301964ABC", "--timeout", "30");
        assertThat(selfTest.exit()).as(selfTest.out() + selfTest.stderr()).isZero();
        assertThat(selfTest.out()).contains("结论：通过");
        CliTest.Run wrong = CliTest.cebgw("sign", message.toString(), "--key", write("type=sdf\nlibrary=" + SoftSdf.library()
                + "\nkey-index=1\npassword.file=" + write("nope\n") + "\ncertificate=" + DEVICE.resolve("device.pem") + "\n").toString());
        assertThat(wrong.exit()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(wrong.stderr()).contains("CEB-K033").doesNotContain("nope");
    }

    private static Path write(String text) throws Exception {
        Path file = Files.createTempFile(DEVICE, "sdf", text.startsWith("type=") ? ".properties" : ".pw");
        Files.writeString(file, text);
        return file;
    }
}

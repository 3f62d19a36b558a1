package io.cebgw.crypto;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.cert.CertificateRequests;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.ExternalTool;
import io.cebgw.crypto.testing.SoftSdf;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encryption machine key source against the software GM/T 0018 device (SoftSDF): CEB messages signed inside the
 * device verify with the strict verifier and with OpenSSL; a wrong password, a wrong key index, a certificate of
 * another key and a missing library each fail with their own code; eight threads signing at once give only valid
 * signatures; a certificate request signed inside the device passes {@code openssl req -verify}.
 */
@Tag("sdf") // runs in the failsafe execution "sdf", whose working directory is the device folder
class SdfKeySourceIT {
    private static final String PASSWORD = "sdf-key-password";
    private static final Path DEVICE = Path.of("").toAbsolutePath();
    private static X509Certificate certificate;

    @BeforeAll
    static void device() throws Exception {
        SoftSdf.key(1, PASSWORD);
        Files.writeString(DEVICE.resolve("key-1.password"), PASSWORD + "\n");
        Files.writeString(DEVICE.resolve("wrong.password"), "not-the-password\n");
        try (SigningKey bare = new KeySources().openForRequest(spec(Map.of()))) {
            certificate = KeyPairs.certify(TestKeys.ca(SignatureSuite.SM2_SM3), bare.publicKey(), "CN=加密机签名,O=3301964ABC,C=CN", Duration.ofDays(365));
        }
        Files.writeString(DEVICE.resolve("device-1.pem"), Pem.encode("CERTIFICATE", certificate.getEncoded()));
    }

    private static KeySourceSpec spec(Map<String, String> changes) {
        Map<String, String> settings = new java.util.TreeMap<>(Map.of("library", SoftSdf.library(), "key-index", "1",
                "password.file", DEVICE.resolve("key-1.password").toString(), "sessions", "8"));
        settings.putAll(changes);
        settings.values().removeIf(String::isEmpty);
        return new KeySourceSpec("sdf", settings);
    }

    private static KeySourceSpec signing() {
        return spec(Map.of("certificate", DEVICE.resolve("device-1.pem").toString()));
    }

    @Test
    void messagesSignedInTheDeviceVerifyStrictlyAndWithOpenSsl() throws Exception {
        byte[] signed;
        try (SigningKey key = new KeySources().open(signing())) {
            assertThat(key.suite()).isEqualTo(SignatureSuite.SM2_SM3);
            assertThat(key.certNo()).isEqualTo(CertNo.of(certificate));
            signed = new CebSigner(key).sign(TestKeys.declarationList(10));
        }
        Verdict verdict = new CebVerifier(new TrustAnchors(List.of(TestKeys.ca(SignatureSuite.SM2_SM3).certificate())), VerifyProfile.STRICT).verify(signed);
        assertThat(verdict.valid()).as(verdict.describe(Locale.ENGLISH)).isTrue();

        ExternalTool.require("openssl");
        byte[] data = "签名数据 signed inside the device".getBytes(StandardCharsets.UTF_8);
        try (SigningKey key = new KeySources().open(signing())) {
            Files.write(DEVICE.resolve("data.bin"), data);
            Files.write(DEVICE.resolve("sig.der"), Sm2SignatureEncoding.toDer(key.sign(data)));
        }
        Files.writeString(DEVICE.resolve("pub.pem"), Pem.encode("PUBLIC KEY", certificate.getPublicKey().getEncoded()));
        ExternalTool.Result ok = ExternalTool.run(DEVICE, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "data.bin",
                "-sigfile", "sig.der", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678");
        assertThat(ok.output()).contains("Signature Verified Successfully");
    }

    @Test
    void aWrongPasswordAWrongIndexAnotherKeysCertificateAndNoLibraryEachHaveTheirCode() throws Exception {
        Path other = DEVICE.resolve("other.pem");
        Files.writeString(other, Pem.encode("CERTIFICATE", TestKeys.key(SignatureSuite.SM2_SM3).certificate().getEncoded()));
        assertThatThrownBy(() -> new KeySources().open(spec(Map.of("certificate", DEVICE.resolve("device-1.pem").toString(),
                "password.file", DEVICE.resolve("wrong.password").toString())))).extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-K033");
        assertThatThrownBy(() -> new KeySources().open(spec(Map.of("certificate", DEVICE.resolve("device-1.pem").toString(), "key-index", "9"))))
                .extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-K034");
        assertThatThrownBy(() -> new KeySources().open(spec(Map.of("certificate", other.toString()))))
                .extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-K035");
        assertThatThrownBy(() -> new KeySources().open(spec(Map.of("certificate", DEVICE.resolve("device-1.pem").toString(),
                "library", DEVICE.resolve("no-such-libsdf.so").toString())))).extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-K031");
        assertThatThrownBy(() -> new KeySources().open(spec(Map.of("certificate", DEVICE.resolve("device-1.pem").toString(), "key-index", "x"))))
                .extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-K015");
        assertThatThrownBy(() -> new KeySources().open(spec(Map.of()))).as("signing needs the certificate")
                .extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-K001");
        SigningException refused = org.junit.jupiter.api.Assertions.assertThrows(SigningException.class, () -> new KeySources().open(spec(Map.of(
                "certificate", DEVICE.resolve("device-1.pem").toString(), "password.file", DEVICE.resolve("wrong.password").toString()))));
        assertThat(refused.describe(Locale.CHINA)).contains("口令").doesNotContain("not-the-password");
    }

    @Test
    void eightThreadsSigningAtOnceGiveOnlyValidSignatures() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SigningKey key = new KeySources().open(signing())) {
            List<Future<List<byte[]>>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    List<byte[]> signatures = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        byte[] data = ("thread " + thread + " message " + i).getBytes(StandardCharsets.UTF_8);
                        signatures.add(data);
                        signatures.add(key.sign(data));
                    }
                    return signatures;
                }));
            }
            int verified = 0;
            for (Future<List<byte[]>> f : work) {
                List<byte[]> pairs = f.get();
                for (int i = 0; i < pairs.size(); i += 2) {
                    String value = java.util.Base64.getEncoder().encodeToString(pairs.get(i + 1));
                    assertThat(CebVerifier.verifyData(certificate.getPublicKey(), pairs.get(i), value).valid()).isTrue();
                    verified++;
                }
            }
            assertThat(verified).isEqualTo(320);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCertificateRequestSignedInTheDevicePassesOpenSsl() throws Exception {
        ExternalTool.require("openssl");
        try (SigningKey key = new KeySources().openForRequest(spec(Map.of()))) {
            assertThat(key.certificate()).as("no certificate yet").isNull();
            CertificateRequests.Request request = CertificateRequests.create("CN=加密机,O=杭州示例鞋业进出口有限公司,C=CN", null, key);
            Files.writeString(DEVICE.resolve("device.csr"), request.pem());
            assertThat(request.signatureAlgorithm()).contains("1.2.156.10197.1.501");
        }
        ExternalTool.Result verified = ExternalTool.run(DEVICE, "openssl", "req", "-verify", "-noout", "-in", "device.csr", "-vfyopt", "distid:1234567812345678");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).containsIgnoringCase("verify OK");
    }
}

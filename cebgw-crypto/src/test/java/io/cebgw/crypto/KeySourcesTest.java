package io.cebgw.crypto;

import io.cebgw.core.settings.SecretRef;
import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.KeySourceException;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.VerifyProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PKCS#12, PEM and JCA-provider key sources open the key configuration describes, and fail clearly. */
class KeySourcesTest {
    private static final Map<String, String> ENV = Map.of("CEBGW_KEY_PASSWORD", "s3cret-口令");

    @TempDir
    Path dir;

    private static void assertSignsVerifiably(SigningKey key, GeneratedKey expected) throws Exception {
        assertThat(key.certificate()).isEqualTo(expected.certificate());
        assertThat(key.suite()).isEqualTo(expected.suite());
        byte[] signed = new CebSigner(key).sign(TestKeys.declarationList(1));
        assertThat(new CebVerifier(new TrustAnchors(List.of(expected.certificate())), VerifyProfile.STRICT).verify(signed).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void pkcs12WithPasswordFromEnvironmentOrFile(SignatureSuite suite) throws Exception {
        GeneratedKey generated = TestKeys.key(suite);
        Path p12 = dir.resolve("key.p12");
        KeyPairs.writePkcs12(generated, p12, ENV.get("CEBGW_KEY_PASSWORD").toCharArray(), "cebgw");
        KeySources sources = new KeySources(ENV::get);
        assertSignsVerifiably(sources.open(KeySourceSpec.forFile(p12, new SecretRef(SecretRef.Kind.ENV, "CEBGW_KEY_PASSWORD"))), generated);

        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, ENV.get("CEBGW_KEY_PASSWORD") + "\n");
        assertSignsVerifiably(sources.open(new KeySourceSpec("pkcs12", Map.of("path", p12.toString(),
                "password.file", passwordFile.toString(), "alias", "cebgw"))), generated);
    }

    @Test
    void pkcs12IsReadableByOpenSsl() throws Exception {
        io.cebgw.crypto.testing.ExternalTool.require("openssl");
        Path p12 = dir.resolve("key.p12");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.RSA_SHA1), p12, "pw".toCharArray(), "cebgw");
        var result = io.cebgw.crypto.testing.ExternalTool.run(dir, "openssl", "pkcs12", "-in", "key.p12", "-passin", "pass:pw",
                "-nokeys", "-clcerts");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("BEGIN CERTIFICATE");
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void pemKeyAndCertificate(SignatureSuite suite) throws Exception {
        GeneratedKey generated = TestKeys.key(suite);
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Files.writeString(key, Pem.encode("PRIVATE KEY", generated.keyPair().getPrivate().getEncoded()));
        Files.writeString(cert, Pem.encode("CERTIFICATE", generated.certificate().getEncoded()));
        assertSignsVerifiably(new KeySources(ENV::get).open(new KeySourceSpec("pem",
                Map.of("path", key.toString(), "certificate", cert.toString()))), generated);
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(cert) + Files.readString(key));
        assertSignsVerifiably(new KeySources(ENV::get).open(new KeySourceSpec("pem", Map.of("path", both.toString()))), generated);
    }

    @Test
    void anyJcaProviderByClassName() throws Exception {
        GeneratedKey generated = TestKeys.key(SignatureSuite.SM2_SM3);
        Path p12 = dir.resolve("vendor.p12");
        KeyPairs.writePkcs12(generated, p12, "s3cret-口令".toCharArray(), "k1");
        SigningKey key = new KeySources(ENV::get).open(new KeySourceSpec("jca", Map.of(
                "provider.class", "org.bouncycastle.jce.provider.BouncyCastleProvider", "keystore.type", "PKCS12",
                "path", p12.toString(), "alias", "k1", "password.env", "CEBGW_KEY_PASSWORD")));
        assertSignsVerifiably(key, generated);
    }

    @Test
    void failuresAreSpecific() throws Exception {
        Path p12 = dir.resolve("key.p12");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.RSA_SHA1), p12, "right".toCharArray(), "cebgw");
        KeySources sources = new KeySources(Map.of("PW", "wrong")::get);
        assertCode(() -> sources.open(new KeySourceSpec("pkcs12", Map.of("path", p12.toString(), "password.env", "PW"))), "CEB-K003");
        assertCode(() -> sources.open(new KeySourceSpec("pkcs12", Map.of("path", p12.toString(), "password.env", "UNSET"))), "CEB-K002");
        assertCode(() -> sources.open(new KeySourceSpec("pkcs12", Map.of("path", p12.toString(), "password.envvar", "PW"))), "CEB-K037");
        assertCode(() -> sources.open(new KeySourceSpec("pkcs12", Map.of("path", dir.resolve("none.p12").toString()))), "CEB-K012");
        assertCode(() -> sources.open(new KeySourceSpec("pkcs12", Map.of())), "CEB-K001");
        assertCode(() -> sources.open(new KeySourceSpec("vault", Map.of())), "CEB-K016");
        assertCode(() -> sources.open(new KeySourceSpec("jca", Map.of("provider.class", "com.example.NoSuchJce", "keystore.type", "X"))), "CEB-K023");
        assertCode(() -> sources.open(new KeySourceSpec("pkcs12", Map.of("path", p12.toString(), "password.env", "PW", "suite", "sm2"))), "CEB-K003");
        Path garbage = dir.resolve("garbage.p12");
        Files.write(garbage, new byte[] {1, 2, 3});
        assertCode(() -> sources.open(new KeySourceSpec("pkcs12", Map.of("path", garbage.toString()))), "CEB-K003");
        assertThatThrownBy(() -> new KeySourceSpec("pkcs12", Map.of("password", "plain")))
                .hasMessageContaining("password.env");
    }

    @Test
    void secretsNeverShowInDescriptionsOrErrors() throws Exception {
        Path p12 = dir.resolve("key.p12");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.RSA_SHA1), p12, "s3cret-口令".toCharArray(), "cebgw");
        SigningKey key = new KeySources(ENV::get).open(KeySourceSpec.forFile(p12, new SecretRef(SecretRef.Kind.ENV, "CEBGW_KEY_PASSWORD")));
        assertThat(key.description()).doesNotContain("s3cret");
        KeySourceSpec spec = new KeySourceSpec("pkcs12", Map.of("path", p12.toString(), "password.env", "PW"));
        assertThat(spec.toString()).doesNotContain("s3cret");
        try {
            new KeySources(Map.of("PW", "s3cret-wrong")::get).open(spec);
        } catch (KeySourceException e) {
            assertThat(e.describe(java.util.Locale.CHINA) + e.describe(java.util.Locale.ENGLISH) + e.getMessage()).doesNotContain("s3cret");
        }
    }

    interface Opening {
        Object open() throws Exception;
    }

    private static void assertCode(Opening opening, String code) {
        assertThatThrownBy(opening::open).isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).code()).as(e.getMessage()).isEqualTo(code));
    }
}

package io.cebgw.crypto;

import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.KeySourceSpec;
import io.cebgw.crypto.key.KeySources;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.ExternalTool;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing through an HSM over PKCS#11, against SoftHSM2: a token is initialised with softhsm2-util, an RSA key and
 * its certificate are stored on it, and the gateway signs through SunPKCS11 with the PIN from an environment
 * variable. SOFTHSM2_CONF is set for the test JVM by the module's surefire configuration.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class Pkcs11KeySourceTest {
    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "246810";
    private static String slot;

    @BeforeAll
    static void initialiseToken() throws Exception {
        ExternalTool.require("softhsm2-util");
        assertThat(LIBRARY).as("SoftHSM2 PKCS#11 module").exists();
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = conf.getParent().resolve("tokens");
        Files.createDirectories(tokens);
        try (var old = Files.list(tokens)) {
            for (Path p : old.toList()) {
                deleteRecursively(p);
            }
        }
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ExternalTool.Result init = ExternalTool.run(conf.getParent(), "softhsm2-util", "--init-token", "--free",
                "--label", "cebgw-test", "--pin", PIN, "--so-pin", "13579246");
        assertThat(init.exitCode()).as(init.output()).isZero();
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(init.output());
        assertThat(m.find()).as(init.output()).isTrue();
        slot = m.group(1);
    }

    private static void deleteRecursively(Path p) throws java.io.IOException {
        if (Files.isDirectory(p)) {
            try (var children = Files.list(p)) {
                for (Path c : children.toList()) {
                    deleteRecursively(c);
                }
            }
        }
        Files.delete(p);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void signsThroughSoftHsm2() throws Exception {
        GeneratedKey generated = KeyPairs.issuedBy(TestKeys.ca(SignatureSuite.RSA_SHA1), SignatureSuite.RSA_SHA1,
                "CN=HSM device certificate,O=cebgw,C=CN", Duration.ofDays(365), new java.math.BigInteger("0123456789abcdef", 16));
        KeySourceSpec spec = new KeySourceSpec("pkcs11", Map.of("library", LIBRARY.toString(), "slot", slot,
                "alias", "ceb-signing", "pin.env", "HSM_PIN"));
        KeySources sources = new KeySources(Map.of("HSM_PIN", PIN)::get);

        // store the key on the token through the same provider the key source uses
        Provider provider = Security.getProvider("SunPKCS11").configure("--name=cebgwsetup\nlibrary=" + LIBRARY + "\nslot=" + slot + "\n");
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN.toCharArray());
        token.setKeyEntry("ceb-signing", generated.keyPair().getPrivate(), null, new X509Certificate[] {generated.certificate()});

        SigningKey key = sources.open(spec);
        assertThat(key.description()).startsWith("PKCS#11");
        assertThat(key.certNo()).isEqualTo("0123456789abcdef");
        byte[] signed = new CebSigner(key).sign(TestKeys.declarationList(10));
        Verdict verdict = new CebVerifier(new TrustAnchors(List.of(TestKeys.ca(SignatureSuite.RSA_SHA1).certificate())),
                VerifyProfile.STRICT).verify(signed);
        assertThat(verdict.valid()).as(verdict.describe(Locale.ENGLISH)).isTrue();
    }

    /** First: PKCS#11 login state is per process, so a wrong PIN can only be seen before the first login. */
    @Test
    @org.junit.jupiter.api.Order(1)
    void wrongPinIsRefusedClearly() {
        KeySourceSpec spec = new KeySourceSpec("pkcs11", Map.of("library", LIBRARY.toString(), "slot", slot, "pin.env", "HSM_PIN"));
        KeySources sources = new KeySources(Map.of("HSM_PIN", "000000")::get);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sources.open(spec))
                .satisfies(e -> assertThat(((io.cebgw.core.signing.SigningException) e).code()).isEqualTo("CEB-K003"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("000000"));
    }
}

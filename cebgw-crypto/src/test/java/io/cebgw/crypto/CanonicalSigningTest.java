package io.cebgw.crypto;

import io.cebgw.core.codec.CanonicalCebWriter;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import io.cebgw.crypto.xml.Canonicalization;
import io.cebgw.crypto.xml.SafeDom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing from the model skips the parse: the canonical writer's bytes must be exactly Santuario's C14N of the
 * ordinary writer's output, for every message type, and with every character C14N escapes.
 */
class CanonicalSigningTest {
    private static final String[] MODES = {"9710", "9810", "9610", "1210"};

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void canonicalWriterEqualsSantuarioC14n(MessageType type) throws Exception {
        for (String mode : MODES) {
            CebMessage message = new ExampleFactory().create(type, new ExampleOptions(mode, null, 3));
            byte[] canonical = new CanonicalCebWriter().write(message).orElseThrow();
            byte[] reference = Canonicalization.of(SafeDom.parse(new CebWriter().write(message)));
            assertThat(new String(canonical, StandardCharsets.UTF_8)).as(type + " " + mode)
                    .isEqualTo(new String(reference, StandardCharsets.UTF_8));
        }
    }

    @Test
    void escapesLikeC14n() throws Exception {
        CebMessage message = new ExampleFactory().create(MessageType.CEB603, new ExampleOptions("9710", null, 1));
        message.businessRecords().get(0).child("InventoryHead").set("note", "a & b < c > d \" ' \t tab\r\nCR 中文 𠀀");
        message.guid("G&\"<\t\n\r>");
        byte[] canonical = new CanonicalCebWriter().write(message).orElseThrow();
        byte[] reference = Canonicalization.of(SafeDom.parse(new CebWriter().write(message)));
        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(new String(reference, StandardCharsets.UTF_8))
                .contains("a &amp; b &lt; c &gt; d \" ' \t tab&#xD;\nCR 中文 𠀀").contains("guid=\"G&amp;&quot;&lt;&#x9;&#xA;&#xD;>\"");
        message.businessRecords().get(0).child("InventoryHead").set("note", "bell \u0007");
        assertThatThrownBy(() -> new CanonicalCebWriter().write(message)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void signingTheModelEqualsSigningItsBytes(SignatureSuite suite) throws Exception {
        CebMessage message = new ExampleFactory().create(MessageType.CEB603, new ExampleOptions("9710", null, 10));
        CebSigner signer = new CebSigner(TestKeys.key(suite).signingKey());
        byte[] fromModel = signer.sign(message);
        byte[] fromBytes = signer.sign(new CebWriter().write(message));
        Verdict verdict = new CebVerifier(new TrustAnchors(List.of(TestKeys.key(suite).certificate())), VerifyProfile.STRICT).verify(fromModel);
        assertThat(verdict.valid()).as(verdict.describe(Locale.ENGLISH)).isTrue();
        String a = new String(fromModel, StandardCharsets.UTF_8);
        String b = new String(fromBytes, StandardCharsets.UTF_8);
        if (suite == SignatureSuite.RSA_SHA1) {
            assertThat(a).as("PKCS#1 v1.5 is deterministic, so both paths give the same bytes").isEqualTo(b);
        } else {
            String value = "<ds:SignatureValue>[^<]*</ds:SignatureValue>";
            assertThat(a.replaceAll(value, "")).isEqualTo(b.replaceAll(value, ""));
        }
    }
}

package io.cebgw.crypto;

import io.cebgw.crypto.cert.CertificateRequests;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.ExternalTool;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.xml.Canonicalization;
import io.cebgw.crypto.xml.SafeDom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** What we emit verifies with independent implementations: OpenSSL 3 for SM2, xmlsec1 for RSA, openssl req for CSRs. */
class InteropTest {
    @TempDir
    Path dir;

    @Test
    void sm2SignatureVerifiesWithOpenSsl() throws Exception {
        ExternalTool.require("openssl");
        GeneratedKey key = TestKeys.key(SignatureSuite.SM2_SM3);
        Document signed = SafeDom.parse(new CebSigner(key.signingKey()).sign(TestKeys.declarationList(10)));
        Element signedInfo = (Element) signed.getElementsByTagNameNS(XmlDsigUris.DSIG_NS, "SignedInfo").item(0);
        Files.write(dir.resolve("signed-info.bin"), Canonicalization.of(signedInfo));
        byte[] raw = Base64.getDecoder().decode(signed.getElementsByTagNameNS(XmlDsigUris.DSIG_NS, "SignatureValue").item(0).getTextContent());
        Files.write(dir.resolve("sig.der"), Sm2SignatureEncoding.toDer(raw));
        Files.writeString(dir.resolve("pub.pem"), Pem.encode("PUBLIC KEY", key.certificate().getPublicKey().getEncoded()));

        ExternalTool.Result ok = ExternalTool.run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem",
                "-rawin", "-in", "signed-info.bin", "-sigfile", "sig.der", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678");
        assertThat(ok.output()).contains("Signature Verified Successfully");
        assertThat(ok.exitCode()).isZero();

        Files.write(dir.resolve("signed-info.bin"), new String(Canonicalization.of(signedInfo), StandardCharsets.UTF_8)
                .replace("xmlns:xsi", "xmlns:xsj").getBytes(StandardCharsets.UTF_8));
        ExternalTool.Result bad = ExternalTool.run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem",
                "-rawin", "-in", "signed-info.bin", "-sigfile", "sig.der", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678");
        assertThat(bad.exitCode()).as("a changed namespace context breaks the signature").isNotZero();
    }

    @Test
    void rsaSignatureVerifiesWithXmlsec1() throws Exception {
        ExternalTool.require("xmlsec1");
        GeneratedKey key = TestKeys.key(SignatureSuite.RSA_SHA1);
        Files.write(dir.resolve("signed.xml"), new CebSigner(key.signingKey()).sign(TestKeys.declarationList(10)));
        Files.writeString(dir.resolve("cert.pem"), Pem.encode("CERTIFICATE", key.certificate().getEncoded()));
        Files.writeString(dir.resolve("ca.pem"), Pem.encode("CERTIFICATE", TestKeys.ca(SignatureSuite.RSA_SHA1).certificate().getEncoded()));

        ExternalTool.Result ok = ExternalTool.run(dir, "xmlsec1", "--verify", "--trusted-pem", "ca.pem", "signed.xml");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("OK");

        String text = Files.readString(dir.resolve("signed.xml")).replace("<ceb:qty>", "<ceb:qty>9");
        Files.writeString(dir.resolve("changed.xml"), text);
        ExternalTool.Result bad = ExternalTool.run(dir, "xmlsec1", "--verify", "--trusted-pem", "ca.pem", "changed.xml");
        assertThat(bad.exitCode()).as("xmlsec1 sees the change too").isNotZero();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void certificateRequestsVerifyWithOpenSsl(SignatureSuite suite) throws Exception {
        ExternalTool.require("openssl");
        GeneratedKey key = TestKeys.key(suite);
        Files.writeString(dir.resolve("new.csr"), CertificateRequests.create(
                "CN=杭州示例鞋业进出口有限公司,O=杭州示例鞋业进出口有限公司,C=CN", key.keyPair().getPublic(), key.keyPair().getPrivate(), suite).pem());
        Files.writeString(dir.resolve("renew.csr"), CertificateRequests.renew(key.certificate(),
                key.keyPair().getPublic(), key.keyPair().getPrivate(), suite).pem());
        for (String csr : new String[] {"new.csr", "renew.csr"}) {
            String[] command = suite == SignatureSuite.SM2_SM3
                    ? new String[] {"openssl", "req", "-verify", "-noout", "-in", csr, "-vfyopt", "distid:1234567812345678"}
                    : new String[] {"openssl", "req", "-verify", "-noout", "-in", csr};
            ExternalTool.Result result = ExternalTool.run(dir, command);
            assertThat(result.exitCode()).as(csr + ": " + result.output()).isZero();
            assertThat(result.output()).containsIgnoringCase("verify OK");
            ExternalTool.Result text = ExternalTool.run(dir, "openssl", "req", "-noout", "-text", "-in", csr);
            assertThat(text.output()).contains(suite == SignatureSuite.SM2_SM3 ? "SM2-with-SM3" : "sha256WithRSAEncryption");
        }
        ExternalTool.Result subject = ExternalTool.run(dir, "openssl", "req", "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb", "-in", "renew.csr");
        assertThat(subject.output()).contains("OU=杭州示例鞋业进出口有限公司");
    }
}

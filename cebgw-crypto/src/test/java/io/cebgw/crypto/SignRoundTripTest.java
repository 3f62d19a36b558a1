package io.cebgw.crypto;

import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.signing.SigningException;
import io.cebgw.core.testing.SharedSpec;
import io.cebgw.core.validation.XsdCheck;
import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import io.cebgw.crypto.verify.VerifyReason;
import io.cebgw.crypto.xml.SafeDom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignRoundTripTest {
    private static final String DS = XmlDsigUris.DSIG_NS;

    private static CebVerifier strictTrusting(GeneratedKey key) {
        return new CebVerifier(new TrustAnchors(List.of(key.certificate())), VerifyProfile.STRICT);
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void signedDeclarationListVerifiesStrictly(SignatureSuite suite) throws Exception {
        GeneratedKey key = TestKeys.key(suite);
        byte[] signed = new CebSigner(key.signingKey()).sign(TestKeys.declarationList(10));

        Verdict verdict = strictTrusting(key).verify(signed);
        assertThat(verdict.valid()).as(verdict.describe(Locale.ENGLISH)).isTrue();
        assertThat(verdict.warnings()).isEmpty();
        assertThat(new CebVerifier(new TrustAnchors(List.of(TestKeys.ca(suite).certificate())), VerifyProfile.STRICT)
                .verify(signed).valid()).as("trusted through the issuing CA").isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void signatureHasTheSpecsShape(SignatureSuite suite) throws Exception {
        GeneratedKey key = TestKeys.key(suite);
        Document doc = SafeDom.parse(new CebSigner(key.signingKey()).sign(TestKeys.declarationList(2)));
        Element root = doc.getDocumentElement();
        Node last = root.getLastChild();
        assertThat(last.getLocalName()).isEqualTo("Signature");
        assertThat(last.getNamespaceURI()).isEqualTo(DS);
        assertThat(last.getPrefix()).isEqualTo("ds");
        assertThat(text(doc, "KeyName")).isEqualTo("03000000000cde70");
        assertThat(text(doc, "X509Certificate")).doesNotContain("\n").isEqualTo(
                Base64.getEncoder().encodeToString(key.certificate().getEncoded()));
        assertThat(((Element) doc.getElementsByTagNameNS(DS, "SignatureMethod").item(0)).getAttribute("Algorithm"))
                .isEqualTo(suite.signatureUri());
        assertThat(((Element) doc.getElementsByTagNameNS(DS, "DigestMethod").item(0)).getAttribute("Algorithm"))
                .isEqualTo(suite.digestUri());
        assertThat(Base64.getDecoder().decode(text(doc, "DigestValue"))).hasSize(suite.digestLength());
        int valueBytes = Base64.getDecoder().decode(text(doc, "SignatureValue")).length;
        assertThat(valueBytes).isEqualTo(suite == SignatureSuite.SM2_SM3 ? 64 : 256);
    }

    @ParameterizedTest
    @EnumSource(SignatureSuite.class)
    void signedMessageConformsToTheOfficialXsd(SignatureSuite suite) throws Exception {
        byte[] signed = new CebSigner(TestKeys.key(suite).signingKey()).sign(TestKeys.declarationList(3));
        assertThat(new XsdCheck(SharedSpec.xsd202205()).check(signed, XsdCheck.EXPORT)).isEmpty();
    }

    @Test
    void signsInsideDxpMsgAndDxpMsgSvKeepingTheEnvelope() throws Exception {
        GeneratedKey key = TestKeys.key(SignatureSuite.SM2_SM3);
        Wrapping wrapping = new Wrapping();
        DxpMsg msg = wrapping.dxpMsg(TestKeys.declarationList(1), "CEB603Message", "DXPENT0000012345",
                List.of(DxpMsg.EXPORT_RECEIVER), Wrapping.newCopMsgId());
        CebSigner signer = new CebSigner(key.signingKey());

        DxpMsg signedMsg = (DxpMsg) new EnvelopeReader().read(signer.signAny(new EnvelopeWriter().write(msg)));
        assertThat(signedMsg.transInfo()).isEqualTo(msg.transInfo());
        assertThat(strictTrusting(key).verify(signedMsg.data()).valid()).isTrue();

        byte[] sv = new EnvelopeWriter().write(wrapping.dxpMsgSv(msg, "12345678", "87654321"));
        byte[] signedSv = signer.signAny(sv);
        assertThat(((DxpMsgSv) new EnvelopeReader().read(signedSv)).dxpMsg().transInfo().copMsgId())
                .isEqualTo(msg.transInfo().copMsgId());
        Verdict verdict = strictTrusting(key).verify(signedSv);
        assertThat(verdict.valid()).as(verdict.describe(Locale.ENGLISH)).isTrue();
    }

    @Test
    void refusesWhatItCannotSign() {
        CebSigner signer = new CebSigner(TestKeys.key(SignatureSuite.SM2_SM3).signingKey());
        assertThatThrownBy(() -> signer.sign(new CebSigner(TestKeys.key(SignatureSuite.SM2_SM3).signingKey())
                .sign(TestKeys.declarationList(1))))
                .isInstanceOf(SigningException.class).extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-G004");
        byte[] dtd = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>"
                + "<ceb:CEB603Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">&e;</ceb:CEB603Message>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> signer.sign(dtd)).extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-G002");
        assertThatThrownBy(() -> signer.sign("<a/>".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-G003");
        assertThatThrownBy(() -> signer.sign("<a".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-G001");
        String deep = "<ceb:CEB603Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">" + "<a>".repeat(100_000)
                + "</a>".repeat(100_000) + "</ceb:CEB603Message>";
        assertThatThrownBy(() -> signer.sign(deep.getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((SigningException) e).code()).isEqualTo("CEB-G001");
        assertThat(new CebVerifier(TrustAnchors.none(), VerifyProfile.STRICT).verify(deep.getBytes(StandardCharsets.UTF_8)).reason())
                .contains(VerifyReason.UNREADABLE);
    }

    @Test
    void expiredCertificateIsAWarningNotAFailure() throws Exception {
        GeneratedKey key = TestKeys.key(SignatureSuite.RSA_SHA1);
        byte[] signed = new CebSigner(key.signingKey()).sign(TestKeys.declarationList(1));
        java.time.Clock later = java.time.Clock.fixed(key.certificate().getNotAfter().toInstant().plusSeconds(86_400),
                java.time.ZoneOffset.UTC);
        Verdict verdict = new CebVerifier(new TrustAnchors(List.of(key.certificate())), VerifyProfile.STRICT, later).verify(signed);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.warnings()).extracting(n -> n.reason()).containsExactly(VerifyReason.CERTIFICATE_EXPIRED);
    }

    private static String text(Document doc, String localName) {
        return doc.getElementsByTagNameNS(DS, localName).item(0).getTextContent();
    }
}

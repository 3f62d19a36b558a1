package io.cebgw.crypto;

import io.cebgw.crypto.cert.GeneratedKey;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.key.JcaSigningKey;
import io.cebgw.crypto.sign.CebSigner;
import io.cebgw.crypto.testing.Tamper;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.crypto.verify.CebVerifier;
import io.cebgw.crypto.verify.TrustAnchors;
import io.cebgw.crypto.verify.Verdict;
import io.cebgw.crypto.verify.VerifyProfile;
import io.cebgw.crypto.verify.VerifyReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Each defect a signed message can have fails with its own reason code, in Chinese and English. */
class NegativeFixturesTest {
    private static GeneratedKey sm2;
    private static GeneratedKey rsa;
    private static byte[] signedSm2;
    private static byte[] signedRsa;

    @BeforeAll
    static void sign() throws Exception {
        sm2 = TestKeys.key(SignatureSuite.SM2_SM3);
        rsa = TestKeys.key(SignatureSuite.RSA_SHA1);
        signedSm2 = new CebSigner(sm2.signingKey()).sign(TestKeys.declarationList(3));
        signedRsa = new CebSigner(rsa.signingKey()).sign(TestKeys.declarationList(3));
    }

    private static Verdict verify(byte[] document, VerifyProfile profile) {
        return new CebVerifier(new TrustAnchors(List.of(sm2.certificate(), rsa.certificate())), profile).verify(document);
    }

    private static void assertFails(byte[] document, VerifyReason reason) {
        Verdict verdict = verify(document, VerifyProfile.STRICT);
        assertThat(verdict.reason()).as(verdict.describe(Locale.ENGLISH)).contains(reason);
        assertThat(verdict.describe(Locale.CHINA)).startsWith(reason.code()).containsPattern("\\p{IsHan}");
        assertThat(verdict.describe(Locale.ENGLISH)).startsWith(reason.code());
    }

    @Test
    void untouchedFixturesVerify() {
        assertThat(verify(signedSm2, VerifyProfile.STRICT).valid()).isTrue();
        assertThat(verify(signedRsa, VerifyProfile.STRICT).valid()).isTrue();
    }

    @Test
    void payloadChangedAfterSigning() {
        byte[] changed = Tamper.of(signedSm2).edit(d -> d.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", "copNo").item(0).setTextContent("COP-EDITED")).bytes();
        assertFails(changed, VerifyReason.DIGEST_MISMATCH);
        assertFails(new String(signedRsa, StandardCharsets.UTF_8).replace("<ceb:qty>", "<ceb:qty>1").getBytes(StandardCharsets.UTF_8),
                VerifyReason.DIGEST_MISMATCH);
    }

    @Test
    void wrongDigest() throws Exception {
        // A SHA-1 value under the SM3 URI, SignedInfo properly signed: the mistake of anchor issue #14.
        Tamper t = Tamper.of(signedSm2);
        t.ds("DigestValue").setTextContent(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(new byte[1])));
        assertFails(t.resign(sm2.signingKey()).bytes(), VerifyReason.DIGEST_FORM);
        Tamper bad = Tamper.of(signedSm2);
        bad.ds("DigestValue").setTextContent("not base64 at all!");
        assertFails(bad.resign(sm2.signingKey()).bytes(), VerifyReason.DIGEST_FORM);
    }

    @Test
    void swappedAlgorithmPair() {
        Tamper t = Tamper.of(signedRsa);
        t.ds("DigestMethod").setAttribute("Algorithm", XmlDsigUris.SM3);
        assertFails(t.resign(rsa.signingKey()).bytes(), VerifyReason.ALGORITHM_PAIR);
        Tamper u = Tamper.of(signedSm2);
        u.ds("SignatureMethod").setAttribute("Algorithm", XmlDsigUris.RSA_SHA1);
        assertFails(u.bytes(), VerifyReason.ALGORITHM_PAIR);
    }

    @Test
    void derInsteadOfRawSm2() throws Exception {
        Tamper t = Tamper.of(signedSm2);
        Signature der = Signature.getInstance("SM3withSM2", CryptoProvider.bc());
        der.initSign(sm2.keyPair().getPrivate());
        der.update(io.cebgw.crypto.xml.Canonicalization.of(t.ds("SignedInfo")));
        assertFails(t.signatureValue(der.sign()).bytes(), VerifyReason.SIGNATURE_DER);
    }

    @Test
    void secondSignatureElement() {
        Tamper t = Tamper.of(signedSm2);
        Element signature = t.ds("Signature");
        signature.getParentNode().appendChild(signature.cloneNode(true));
        assertFails(t.bytes(), VerifyReason.MULTIPLE_SIGNATURES);
    }

    @Test
    void signatureWrappingMovedOrDuplicatedBusinessElement() {
        // duplicated: a second InventoryHead (the definition allows one)
        Tamper dup = Tamper.of(signedSm2);
        Element head = dup.ceb("InventoryHead");
        head.getParentNode().insertBefore(head.cloneNode(true), head);
        assertFails(dup.bytes(), VerifyReason.WRAPPING);
        // moved: BaseTransfer put before the Inventory it should follow
        Tamper moved = Tamper.of(signedSm2);
        Element transfer = moved.ceb("BaseTransfer");
        Element root = moved.document().getDocumentElement();
        root.insertBefore(transfer, root.getFirstChild());
        assertFails(moved.bytes(), VerifyReason.WRAPPING);
        // moved into the signature: the signed Inventory hidden in ds:Object, a forged one in its place
        Tamper hidden = Tamper.of(signedSm2);
        Element object = hidden.document().createElementNS(XmlDsigUris.DSIG_NS, "ds:Object");
        Element inventory = hidden.ceb("Inventory");
        object.appendChild(inventory.cloneNode(true));
        hidden.ds("Signature").appendChild(object);
        assertFails(hidden.bytes(), VerifyReason.WRAPPING);
        // the signature moved inside a business element
        Tamper inside = Tamper.of(signedSm2);
        Node sig = inside.ds("Signature");
        inside.ceb("Inventory").appendChild(sig);
        assertFails(inside.bytes(), VerifyReason.WRAPPING);
    }

    @Test
    void unknownAlgorithm() {
        Tamper t = Tamper.of(signedRsa);
        t.ds("SignatureMethod").setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertFails(t.bytes(), VerifyReason.UNKNOWN_ALGORITHM);
        Tamper c = Tamper.of(signedRsa);
        c.ds("CanonicalizationMethod").setAttribute("Algorithm", XmlDsigUris.C14N_WITH_COMMENTS);
        assertFails(c.bytes(), VerifyReason.UNKNOWN_ALGORITHM);
    }

    @Test
    void dtdPresent() {
        String text = new String(signedSm2, StandardCharsets.UTF_8);
        int afterDeclaration = text.indexOf("?>") + 2;
        byte[] withDtd = (text.substring(0, afterDeclaration) + "<!DOCTYPE ceb:CEB603Message [<!ENTITY x \"y\">]>"
                + text.substring(afterDeclaration)).getBytes(StandardCharsets.UTF_8);
        assertFails(withDtd, VerifyReason.DTD_PRESENT);
    }

    @Test
    void untrustedCertificate() throws Exception {
        GeneratedKey stranger = KeyPairs.selfSigned(SignatureSuite.SM2_SM3, "CN=stranger,C=CN", Duration.ofDays(30));
        byte[] signed = new CebSigner(stranger.signingKey()).sign(TestKeys.declarationList(1));
        assertFails(signed, VerifyReason.UNTRUSTED);
        assertThat(new CebVerifier(TrustAnchors.none(), VerifyProfile.LENIENT).verify(signed).reason())
                .as("no trust configured is never 'trust what KeyInfo says'").contains(VerifyReason.NO_TRUST_CONFIGURED);
    }

    @Test
    void keyNameMismatch() {
        // BigInteger.toString(16) drops the leading zero: "3000000000cde70"
        Tamper t = Tamper.of(signedSm2);
        t.ds("KeyName").setTextContent(TestKeys.SERIAL.toString(16));
        byte[] document = t.bytes();
        assertFails(document, VerifyReason.KEYNAME_MISMATCH);
        Verdict lenient = verify(document, VerifyProfile.LENIENT);
        assertThat(lenient.valid()).isTrue();
        assertThat(lenient.warnings()).extracting(n -> n.reason()).containsExactly(VerifyReason.KEYNAME_MISMATCH);
    }

    @Test
    void nonSpecSm2VariantIsNamedAndOnlyLenientAcceptsIt() throws Exception {
        byte[] unsigned = TestKeys.declarationList(1);
        Tamper t = Tamper.of(new CebSigner(sm2.signingKey()).sign(unsigned));
        t.ds("SignatureMethod").setAttribute("Algorithm", XmlDsigUris.W3C_SM2_SM3);
        t.ds("DigestMethod").setAttribute("Algorithm", XmlDsigUris.SHA1);
        Element signature = t.ds("Signature");
        Node parent = signature.getParentNode();
        parent.removeChild(signature);
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(io.cebgw.crypto.xml.Canonicalization.of(t.document()));
        parent.appendChild(signature);
        t.ds("DigestValue").setTextContent(Base64.getEncoder().encodeToString(sha1));
        byte[] variant = t.resign(sm2.signingKey()).bytes();
        assertFails(variant, VerifyReason.NON_SPEC_SM2);
        Verdict lenient = verify(variant, VerifyProfile.LENIENT);
        assertThat(lenient.valid()).as(lenient.describe(Locale.ENGLISH)).isTrue();
        assertThat(lenient.warnings()).extracting(n -> n.reason()).containsExactly(VerifyReason.NON_SPEC_SM2);
    }

    @Test
    void otherDefectsHaveTheirOwnReasons() {
        assertFails(TestKeys.declarationList(1), VerifyReason.NOT_SIGNED);
        Tamper ref = Tamper.of(signedSm2);
        ref.ds("Reference").setAttribute("URI", "#Inventory");
        assertFails(ref.resign(sm2.signingKey()).bytes(), VerifyReason.REFERENCE);
        Tamper transform = Tamper.of(signedSm2);
        Element extra = (Element) transform.ds("Transform").cloneNode(true);
        extra.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
        transform.ds("Transforms").appendChild(extra);
        assertFails(transform.resign(sm2.signingKey()).bytes(), VerifyReason.REFERENCE);
        Tamper flipped = Tamper.of(signedSm2);
        byte[] value = Base64.getDecoder().decode(flipped.ds("SignatureValue").getTextContent());
        value[10] ^= 1;
        assertFails(flipped.signatureValue(value).bytes(), VerifyReason.SIGNATURE_INVALID);
        Tamper noCert = Tamper.of(signedSm2);
        Element data = (Element) noCert.ds("X509Data");
        data.getParentNode().removeChild(data);
        assertFails(noCert.bytes(), VerifyReason.CERTIFICATE_MISSING);
        Tamper after = Tamper.of(signedSm2);
        after.document().getDocumentElement().appendChild(after.document().createElementNS(
                "http://www.chinaport.gov.cn/ceb", "ceb:BaseTransfer"));
        assertFails(after.bytes(), VerifyReason.WRAPPING);
        assertFails("<ceb:CEB603Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"><".getBytes(StandardCharsets.UTF_8),
                VerifyReason.UNREADABLE);
    }

    @Test
    void rsaKeyUnderTheSm2MethodIsAKeyMismatch() {
        // an RSA-signed document whose certificate is swapped for the SM2 one is caught before the maths
        Tamper t = Tamper.of(signedRsa);
        JcaSigningKey sm2Key = sm2.signingKey();
        try {
            t.ds("X509Certificate").setTextContent(Base64.getEncoder().encodeToString(sm2Key.certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        t.ds("KeyName").setTextContent(sm2Key.certNo());
        assertFails(t.bytes(), VerifyReason.KEY_MISMATCH);
    }
}

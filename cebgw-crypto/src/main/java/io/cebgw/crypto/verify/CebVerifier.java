package io.cebgw.crypto.verify;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.validation.MessageValidator;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.Namespaces;
import io.cebgw.core.xml.ReadError;
import io.cebgw.crypto.CertNo;
import io.cebgw.crypto.XmlDsigUris;
import io.cebgw.crypto.key.Pem;
import io.cebgw.crypto.xml.Canonicalization;
import io.cebgw.crypto.xml.SafeDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The strict verifier of CEB signatures. Checks run in a fixed order and stop at the first failure, so each
 * defect gets its own reason: document (DTD, parse) → one Signature, last child of the root, no Object →
 * SignedInfo form (Reference URI="" with only the enveloped transform) → algorithm URIs and their pairing →
 * DigestValue form and match → certificate present and trusted from configuration → KeyName = serial →
 * key type, SignatureValue form (raw r‖s for SM2) and the signature itself.
 */
public final class CebVerifier {
    private static final Set<String> WRAPPING_FINDINGS = Set.of(FindingCode.UNKNOWN_ELEMENT.code(),
            FindingCode.ELEMENT_ORDER.code(), FindingCode.DUPLICATE_FIELD.code(), FindingCode.TOO_MANY.code(),
            FindingCode.ELEMENT_NOT_ALLOWED_HERE.code(), FindingCode.SIGNATURE_COUNT.code());

    private final TrustAnchors trust;
    private final VerifyProfile profile;
    private final Clock clock;

    public CebVerifier(TrustAnchors trust, VerifyProfile profile) {
        this(trust, profile, Clock.systemUTC());
    }

    public CebVerifier(TrustAnchors trust, VerifyProfile profile, Clock clock) {
        this.trust = trust;
        this.profile = profile;
        this.clock = clock;
    }

    /** Verifies a signed CEB message, bare or inside a DxpMsg / DxpMsgSv. */
    public Verdict verify(byte[] xml) {
        List<Notice> warnings = new ArrayList<>();
        Signer signer = new Signer();
        try {
            Document document = parse(xml);
            if (Namespaces.DXP.equals(document.getDocumentElement().getNamespaceURI())) {
                xml = businessMessage(xml);
                document = parse(xml);
            }
            verifyDocument(xml, document, warnings, signer);
            return new Verdict(Optional.empty(), warnings, signer.keyName, signer.certificate);
        } catch (VerificationFailure f) {
            return new Verdict(Optional.of(f.notice()), warnings, signer.keyName, signer.certificate);
        }
    }

    /**
     * Verifies a detached, canonical SignedInfo with a known public key: for signature vectors that keep only the
     * signed bytes and the signer's public key. {@code unsignedDocument}, when given, is hashed and compared with
     * the DigestValue; {@code serial} is the certificate serial the KeyName is held to.
     */
    public Verdict verifySignedInfo(byte[] signedInfoXml, String signatureValue, PublicKey key, String keyName,
                                    BigInteger serial, byte[] unsignedDocument) {
        List<Notice> warnings = new ArrayList<>();
        try {
            Element signedInfo = parse(signedInfoXml).getDocumentElement();
            if (!XmlDsigUris.DSIG_NS.equals(signedInfo.getNamespaceURI()) || !"SignedInfo".equals(signedInfo.getLocalName())) {
                throw new VerificationFailure(VerifyReason.STRUCTURE, "root " + signedInfo.getNodeName() + " is not ds:SignedInfo");
            }
            SignedInfoForm form = SignedInfoForm.read(signedInfo);
            Algorithms algorithms = Algorithms.resolve(form, profile, warnings);
            byte[] digest = algorithms.digestValue(form);
            if (unsignedDocument != null) {
                compareDigest(digest, algorithms, parse(unsignedDocument), unsignedDocument);
            }
            checkKeyName(keyName, serial, warnings);
            SignatureValueCheck.verify(algorithms.signing(), key, Canonicalization.of(signedInfo), signatureValue);
            return new Verdict(Optional.empty(), warnings, keyName, null);
        } catch (VerificationFailure f) {
            return new Verdict(Optional.of(f.notice()), warnings, keyName, null);
        }
    }

    /**
     * Verifies a signature over plain bytes (not XML-DSig), e.g. the 179 payment-data string: SM3withSM2 with raw
     * r‖s for SM2 keys, SHA1withRSA for RSA keys.
     */
    public static Verdict verifyData(PublicKey key, byte[] data, String signatureValue) {
        try {
            io.cebgw.crypto.SignatureSuite suite = io.cebgw.crypto.SignatureSuite.forKey(key).orElseThrow(() ->
                    new VerificationFailure(VerifyReason.KEY_MISMATCH, key.getAlgorithm() + " key"));
            SignatureValueCheck.verify(suite, key, data, signatureValue);
            return new Verdict(Optional.empty(), List.of(), null, null);
        } catch (VerificationFailure f) {
            return new Verdict(Optional.of(f.notice()), List.of(), null, null);
        }
    }

    private void verifyDocument(byte[] xml, Document document, List<Notice> warnings, Signer signer)
            throws VerificationFailure {
        Element root = document.getDocumentElement();
        Element signature = theSignature(document);
        Parts parts = Parts.of(signature);
        SignedInfoForm form = SignedInfoForm.read(parts.signedInfo);
        Algorithms algorithms = Algorithms.resolve(form, profile, warnings);
        byte[] digest = algorithms.digestValue(form);
        Node next = signature.getNextSibling();
        root.removeChild(signature);
        try {
            compareDigest(digest, algorithms, document, xml);
        } finally {
            root.insertBefore(signature, next);
        }
        signer.keyName = parts.keyName;
        X509Certificate certificate = certificate(parts);
        signer.certificate = certificate;
        if (!trust.trusts(certificate)) {
            throw new VerificationFailure(trust.isEmpty() ? VerifyReason.NO_TRUST_CONFIGURED : VerifyReason.UNTRUSTED,
                    certificate.getSubjectX500Principal().getName() + ", certNo " + CertNo.of(certificate));
        }
        checkKeyName(parts.keyName, certificate.getSerialNumber(), warnings);
        SignatureValueCheck.verify(algorithms.signing(), certificate.getPublicKey(), Canonicalization.of(parts.signedInfo),
                parts.signatureValue);
        validity(certificate, warnings);
    }

    private static Element theSignature(Document document) throws VerificationFailure {
        NodeList all = document.getElementsByTagNameNS(XmlDsigUris.DSIG_NS, "Signature");
        if (all.getLength() == 0) {
            throw new VerificationFailure(VerifyReason.NOT_SIGNED, "");
        }
        if (all.getLength() > 1) {
            throw new VerificationFailure(VerifyReason.MULTIPLE_SIGNATURES, String.valueOf(all.getLength()));
        }
        Element signature = (Element) all.item(0);
        Element root = document.getDocumentElement();
        if (signature.getParentNode() != root) {
            throw new VerificationFailure(VerifyReason.WRAPPING, "ds:Signature is inside "
                    + signature.getParentNode().getNodeName() + ", not a child of the root " + root.getNodeName());
        }
        for (Node n = signature.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                throw new VerificationFailure(VerifyReason.WRAPPING, "element " + n.getNodeName() + " follows ds:Signature");
            }
        }
        return signature;
    }

    private void compareDigest(byte[] expected, Algorithms algorithms, Document unsigned, byte[] xml) throws VerificationFailure {
        MessageDigest hash = algorithms.digesting().newDigest();
        byte[] actual = hash.digest(Canonicalization.of(unsigned));
        if (!MessageDigest.isEqual(expected, actual)) {
            Optional<String> moved = structuralAnomaly(xml);
            if (moved.isPresent()) {
                throw new VerificationFailure(VerifyReason.WRAPPING, moved.get());
            }
            throw new VerificationFailure(VerifyReason.DIGEST_MISMATCH, "DigestValue "
                    + java.util.Base64.getEncoder().encodeToString(expected) + ", document "
                    + java.util.Base64.getEncoder().encodeToString(actual));
        }
    }

    /**
     * After a digest mismatch: an element moved, duplicated or added against the message definition is the mark
     * of a wrapping attempt, reported as such rather than as a plain change.
     */
    private static Optional<String> structuralAnomaly(byte[] xml) {
        try {
            for (Finding finding : new MessageValidator().validate(new CebReader().read(xml)).findings()) {
                if (WRAPPING_FINDINGS.contains(finding.code())) {
                    return Optional.of(finding.code() + " " + finding.path() + ": " + finding.message(Locale.ENGLISH));
                }
            }
        } catch (CebReadException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void checkKeyName(String keyName, BigInteger serial, List<Notice> warnings) throws VerificationFailure {
        String certNo = CertNo.of(serial);
        if (keyName == null || !keyName.equals(certNo)) {
            Notice notice = new Notice(VerifyReason.KEYNAME_MISMATCH,
                    "KeyName " + (keyName == null ? "(none)" : "\"" + keyName + "\"") + ", certificate serial " + certNo);
            if (!profile.tolerates(notice.reason())) {
                throw new VerificationFailure(notice.reason(), notice.detail());
            }
            warnings.add(notice);
        }
    }

    private void validity(X509Certificate certificate, List<Notice> warnings) {
        java.util.Date now = java.util.Date.from(clock.instant());
        if (now.before(certificate.getNotBefore()) || now.after(certificate.getNotAfter())) {
            warnings.add(new Notice(VerifyReason.CERTIFICATE_EXPIRED, certificate.getNotBefore().toInstant() + " – "
                    + certificate.getNotAfter().toInstant()));
        }
    }

    private static X509Certificate certificate(Parts parts) throws VerificationFailure {
        if (parts.certificate == null) {
            throw new VerificationFailure(VerifyReason.CERTIFICATE_MISSING, "");
        }
        try {
            return Pem.fromBase64(parts.certificate);
        } catch (CertificateException | IllegalArgumentException e) {
            throw new VerificationFailure(VerifyReason.CERTIFICATE_UNREADABLE, String.valueOf(e.getMessage()));
        }
    }

    private static Document parse(byte[] xml) throws VerificationFailure {
        try {
            return SafeDom.parse(xml);
        } catch (SafeDom.Unreadable e) {
            throw new VerificationFailure(e.dtd() ? VerifyReason.DTD_PRESENT : VerifyReason.UNREADABLE, e.getMessage());
        }
    }

    private static byte[] businessMessage(byte[] xml) throws VerificationFailure {
        try {
            Envelope envelope = new EnvelopeReader().read(xml);
            if (envelope instanceof DxpMsgSv sv) {
                return sv.dxpMsg().data();
            }
            if (envelope instanceof DxpMsg msg) {
                return msg.data();
            }
            throw new VerificationFailure(VerifyReason.NOT_SIGNED, envelope.rootName());
        } catch (CebReadException e) {
            throw new VerificationFailure(e.error() == ReadError.DTD_FORBIDDEN ? VerifyReason.DTD_PRESENT : VerifyReason.UNREADABLE,
                    e.describe(Locale.ENGLISH));
        }
    }

    /** What the pipeline learnt about the signer before it stopped. */
    private static final class Signer {
        String keyName;
        X509Certificate certificate;
    }

    /** The children of ds:Signature: SignedInfo, SignatureValue and KeyInfo (KeyName, X509Certificate). */
    private static final class Parts {
        Element signedInfo;
        String signatureValue;
        String keyName;
        String certificate;

        static Parts of(Element signature) throws VerificationFailure {
            Parts parts = new Parts();
            List<String> names = new ArrayList<>();
            for (Element child : SignedInfoForm.children(signature, "Signature")) {
                names.add(child.getLocalName());
                switch (child.getLocalName()) {
                    case "SignedInfo" -> parts.signedInfo = child;
                    case "SignatureValue" -> parts.signatureValue = SignedInfoForm.text(child);
                    case "KeyInfo" -> parts.keyInfo(child);
                    case "Object" -> throw new VerificationFailure(VerifyReason.WRAPPING,
                            "ds:Object inside ds:Signature (content smuggled next to the signature)");
                    default -> throw new VerificationFailure(VerifyReason.STRUCTURE, "ds:" + child.getLocalName() + " in Signature");
                }
            }
            if (!names.equals(List.of("SignedInfo", "SignatureValue", "KeyInfo"))
                    && !names.equals(List.of("SignedInfo", "SignatureValue"))) {
                throw new VerificationFailure(VerifyReason.STRUCTURE, "Signature " + names + " ≠ [SignedInfo, SignatureValue, KeyInfo]");
            }
            return parts;
        }

        private void keyInfo(Element keyInfo) throws VerificationFailure {
            for (Element child : SignedInfoForm.children(keyInfo, "KeyInfo")) {
                if ("KeyName".equals(child.getLocalName())) {
                    keyName = SignedInfoForm.text(child);
                } else if ("X509Data".equals(child.getLocalName())) {
                    for (Element data : SignedInfoForm.children(child, "X509Data")) {
                        if ("X509Certificate".equals(data.getLocalName())) {
                            certificate = SignedInfoForm.text(data);
                        }
                    }
                }
            }
        }
    }
}

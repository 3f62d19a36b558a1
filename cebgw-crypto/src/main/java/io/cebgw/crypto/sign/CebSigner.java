package io.cebgw.crypto.sign;

import io.cebgw.core.codec.CanonicalCebWriter;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpMsgSv;
import io.cebgw.core.envelope.Envelope;
import io.cebgw.core.envelope.EnvelopeReader;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.problem.SigningProblem;
import io.cebgw.core.signing.MessageSigner;
import io.cebgw.core.signing.SigningException;
import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.Namespaces;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.XmlDsigUris;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.xml.Canonicalization;
import io.cebgw.crypto.xml.SafeDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Signs CEB messages per 202205 spec §6: DigestValue = H(C14N of the document without the signature), the
 * signature over C14N(SignedInfo) in document context, {@code ds:Signature} appended as the root's last child.
 * The output is the XML declaration plus the canonical form of the signed document, so what a verifier
 * re-canonicalizes is byte for byte what was hashed and signed.
 */
public final class CebSigner implements MessageSigner {
    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII);

    private static final CanonicalCebWriter CANONICAL = new CanonicalCebWriter();

    private final SigningKey key;
    private final String certNo;
    private String certificateBase64;

    public CebSigner(SigningKey key) {
        this.key = key;
        this.certNo = key.certNo();
    }

    private String certificateBase64() throws SigningException {
        if (certificateBase64 == null) {
            try {
                certificateBase64 = java.util.Base64.getEncoder().encodeToString(key.certificate().getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new SigningException(SigningProblem.CERTIFICATE_NOT_ENCODABLE.with(), e);
            }
        }
        return certificateBase64;
    }

    @Override
    public String certNo() {
        return certNo;
    }

    public SignatureSuite suite() {
        return key.suite();
    }

    /**
     * Signs a message from the model. Without verbatim elements it is written straight in canonical form, hashed
     * and signed with no parse (ADR 0009); otherwise it is written and signed like any document.
     */
    @Override
    public byte[] sign(CebMessage message) throws SigningException {
        Optional<byte[]> canonical;
        try {
            canonical = CANONICAL.write(message);
        } catch (IllegalArgumentException e) {
            throw new SigningException(SigningProblem.ILLEGAL_CHARACTER.with(e.getMessage()), e);
        }
        if (canonical.isEmpty()) {
            return sign(new CebWriter().write(message));
        }
        byte[] document = canonical.get();
        SignatureSuite suite = key.suite();
        String digest = java.util.Base64.getEncoder().encodeToString(suite.newDigest().digest(document));
        byte[] value = key.sign(SignatureMarkup.signedInfo(suite, digest));
        byte[] signature = SignatureMarkup.signature(suite, digest, value, certNo, certificateBase64());
        int end = document.length - CanonicalCebWriter.endTag(message).length();
        byte[] out = new byte[DECLARATION.length + document.length + signature.length];
        System.arraycopy(DECLARATION, 0, out, 0, DECLARATION.length);
        System.arraycopy(document, 0, out, DECLARATION.length, end);
        System.arraycopy(signature, 0, out, DECLARATION.length + end, signature.length);
        System.arraycopy(document, end, out, DECLARATION.length + end + signature.length, document.length - end);
        return out;
    }

    /** Signs a bare CEB message. */
    @Override
    public byte[] sign(byte[] businessXml) throws SigningException {
        Document document = parse(businessXml);
        requireCebRoot(document.getDocumentElement());
        return signDocument(document);
    }

    /** Signs a bare CEB message, or the business message inside a DxpMsg or DxpMsgSv (the envelope is rewritten). */
    public byte[] signAny(byte[] xml) throws SigningException {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        if (!Namespaces.DXP.equals(root.getNamespaceURI())) {
            requireCebRoot(root);
            return signDocument(document);
        }
        Envelope envelope;
        try {
            envelope = new EnvelopeReader().read(xml);
        } catch (CebReadException e) {
            throw new SigningException(e.problem(), e);
        }
        if (envelope instanceof DxpMsgSv sv) {
            return new EnvelopeWriter().write(new DxpMsgSv(sv.svNo(), signed(sv.dxpMsg())));
        }
        if (envelope instanceof DxpMsg msg) {
            return new EnvelopeWriter().write(signed(msg));
        }
        throw SigningException.of(SigningProblem.NO_BUSINESS_MESSAGE, envelope.rootName());
    }

    private DxpMsg signed(DxpMsg msg) throws SigningException {
        return new DxpMsg(msg.transInfo(), sign(msg.data()), msg.addInfo());
    }

    private byte[] signDocument(Document document) throws SigningException {
        SignatureSuite suite = key.suite();
        byte[] digest = suite.newDigest().digest(Canonicalization.of(document));
        SignatureElement signature = SignatureElement.create(document, suite, digest, certNo, key.certificate());
        document.getDocumentElement().appendChild(signature.signature());
        signature.value(key.sign(Canonicalization.of(signature.signedInfo())));
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        out.writeBytes(DECLARATION);
        out.writeBytes(Canonicalization.of(document));
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) throws SigningException {
        try {
            return SafeDom.parse(xml);
        } catch (SafeDom.Unreadable e) {
            if (e.dtd()) {
                throw new SigningException(SigningProblem.DTD.with(), e);
            }
            throw new SigningException(SigningProblem.NOT_WELL_FORMED.with(e.getMessage()), e);
        }
    }

    private static void requireCebRoot(Element root) throws SigningException {
        if (!Namespaces.CEB.equals(root.getNamespaceURI())) {
            throw SigningException.of(SigningProblem.NOT_A_CEB_MESSAGE, root.getNodeName(), Namespaces.CEB);
        }
        if (root.getElementsByTagNameNS(XmlDsigUris.DSIG_NS, "Signature").getLength() > 0) {
            throw SigningException.of(SigningProblem.ALREADY_SIGNED);
        }
    }
}

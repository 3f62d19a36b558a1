package io.cebgw.crypto.sign;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.XmlDsigUris;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Builds {@code ds:Signature} exactly as the 202205 spec's template: prefix {@code ds}, no whitespace between
 * elements, one Reference with {@code URI=""} and the enveloped transform, KeyInfo with KeyName and the
 * certificate as one line of base64 DER.
 */
final class SignatureElement {
    private static final String DS = "ds:";

    private final Element signature;
    private final Element signedInfo;
    private final Element signatureValue;

    private SignatureElement(Element signature, Element signedInfo, Element signatureValue) {
        this.signature = signature;
        this.signedInfo = signedInfo;
        this.signatureValue = signatureValue;
    }

    static SignatureElement create(Document document, SignatureSuite suite, byte[] digest, String keyName,
                                   X509Certificate certificate) {
        Element signature = element(document, "Signature");
        signature.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", XmlDsigUris.DSIG_NS);
        Element signedInfo = child(signature, "SignedInfo");
        algorithm(child(signedInfo, "CanonicalizationMethod"), XmlDsigUris.C14N);
        algorithm(child(signedInfo, "SignatureMethod"), suite.signatureUri());
        Element reference = child(signedInfo, "Reference");
        reference.setAttributeNS(null, "URI", "");
        algorithm(child(child(reference, "Transforms"), "Transform"), XmlDsigUris.ENVELOPED);
        algorithm(child(reference, "DigestMethod"), suite.digestUri());
        child(reference, "DigestValue").setTextContent(Base64.getEncoder().encodeToString(digest));
        Element signatureValue = child(signature, "SignatureValue");
        Element keyInfo = child(signature, "KeyInfo");
        child(keyInfo, "KeyName").setTextContent(keyName);
        child(child(keyInfo, "X509Data"), "X509Certificate").setTextContent(base64Der(certificate));
        return new SignatureElement(signature, signedInfo, signatureValue);
    }

    Element signature() {
        return signature;
    }

    Element signedInfo() {
        return signedInfo;
    }

    void value(byte[] value) {
        signatureValue.setTextContent(Base64.getEncoder().encodeToString(value));
    }

    private static String base64Der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the signing certificate cannot be encoded", e);
        }
    }

    private static Element element(Document document, String name) {
        return document.createElementNS(XmlDsigUris.DSIG_NS, DS + name);
    }

    private static Element child(Element parent, String name) {
        Element child = element(parent.getOwnerDocument(), name);
        parent.appendChild(child);
        return child;
    }

    private static void algorithm(Element element, String uri) {
        element.setAttributeNS(null, "Algorithm", uri);
    }
}

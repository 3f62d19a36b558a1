package io.cebgw.crypto.verify;

import io.cebgw.crypto.XmlDsigUris;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** The parts of a SignedInfo the spec fixes, read strictly: one Reference with URI="" and only the enveloped transform. */
record SignedInfoForm(Element element, String canonicalization, String signatureMethod, String digestMethod,
                      String digestValue) {

    static SignedInfoForm read(Element signedInfo) throws VerificationFailure {
        List<Element> parts = children(signedInfo, "SignedInfo");
        List<String> names = parts.stream().map(Element::getLocalName).toList();
        long references = names.stream().filter("Reference"::equals).count();
        if (references > 1) {
            throw new VerificationFailure(VerifyReason.REFERENCE, references + " References");
        }
        if (!names.equals(List.of("CanonicalizationMethod", "SignatureMethod", "Reference"))) {
            throw new VerificationFailure(VerifyReason.STRUCTURE,
                    "SignedInfo " + names + " ≠ [CanonicalizationMethod, SignatureMethod, Reference]");
        }
        Element reference = parts.get(2);
        if (!reference.hasAttributeNS(null, "URI") || !reference.getAttributeNS(null, "URI").isEmpty()) {
            throw new VerificationFailure(VerifyReason.REFERENCE,
                    reference.hasAttributeNS(null, "URI") ? "URI=\"" + reference.getAttributeNS(null, "URI") + "\"" : "no URI");
        }
        List<Element> refParts = children(reference, "Reference");
        List<String> refNames = refParts.stream().map(Element::getLocalName).toList();
        if (!refNames.equals(List.of("Transforms", "DigestMethod", "DigestValue"))) {
            if (refNames.equals(List.of("DigestMethod", "DigestValue"))) {
                throw new VerificationFailure(VerifyReason.REFERENCE, "no Transforms");
            }
            throw new VerificationFailure(VerifyReason.STRUCTURE, "Reference " + refNames + " ≠ [Transforms, DigestMethod, DigestValue]");
        }
        List<Element> transforms = children(refParts.get(0), "Transforms");
        List<String> transformUris = transforms.stream().map(t -> t.getAttributeNS(null, "Algorithm")).toList();
        if (transforms.size() != 1 || !"Transform".equals(transforms.get(0).getLocalName())
                || !XmlDsigUris.ENVELOPED.equals(transformUris.get(0))) {
            throw new VerificationFailure(VerifyReason.REFERENCE, "Transforms " + transformUris);
        }
        return new SignedInfoForm(signedInfo, algorithm(parts.get(0)), algorithm(parts.get(1)), algorithm(refParts.get(1)),
                text(refParts.get(2)));
    }

    /** Element children in the XML-DSig namespace; any other element or non-blank text is a structure failure. */
    static List<Element> children(Element parent, String where) throws VerificationFailure {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (!XmlDsigUris.DSIG_NS.equals(n.getNamespaceURI())) {
                    throw new VerificationFailure(VerifyReason.STRUCTURE, "foreign element " + n.getNodeName() + " in " + where);
                }
                result.add((Element) n);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                throw new VerificationFailure(VerifyReason.STRUCTURE, "text in " + where);
            }
        }
        return result;
    }

    static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static String algorithm(Element element) {
        return element.getAttributeNS(null, "Algorithm");
    }
}

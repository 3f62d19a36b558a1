package io.cebgw.core.testing;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Exclusive C14N (the JDK's implementation) of a document after dropping the white space between elements
 * and comments: two messages with the same canonical form carry the same content, prefixes and namespaces
 * that are used. Inter-element white space is insignificant in the CEB schemas (element-only content).
 */
public final class Canonical {
    private Canonical() {
    }

    public static String of(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        preferCebPrefix(doc.getDocumentElement());
        strip(doc.getDocumentElement());
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(serialized));
        TransformService c14n = TransformService.getInstance(CanonicalizationMethod.EXCLUSIVE, "DOM");
        c14n.init(null);
        OctetStreamData out = (OctetStreamData) c14n.transform(new OctetStreamData(new ByteArrayInputStream(serialized.toByteArray())), null);
        try (InputStream in = out.getOctetStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Gives default-namespace CEB elements the {@code ceb:} prefix the writer always uses (a deliberate
     * normalisation, see ADR 0003), so that documents differing only in that are compared by content.
     */
    private static void preferCebPrefix(org.w3c.dom.Element root) {
        String ceb = "http://www.chinaport.gov.cn/ceb";
        String xmlns = "http://www.w3.org/2000/xmlns/";
        if (!ceb.equals(root.getNamespaceURI()) || root.getPrefix() != null) {
            return;
        }
        root.removeAttributeNS(xmlns, "xmlns");
        root.setAttributeNS(xmlns, "xmlns:ceb", ceb);
        NodeList all = root.getOwnerDocument().getElementsByTagNameNS(ceb, "*");
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i).getPrefix() == null) {
                all.item(i).setPrefix("ceb");
            }
        }
        root.setPrefix("ceb");
    }

    private static void strip(Node node) {
        NodeList children = node.getChildNodes();
        boolean hasElements = false;
        for (int i = 0; i < children.getLength(); i++) {
            hasElements |= children.item(i).getNodeType() == Node.ELEMENT_NODE;
        }
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.COMMENT_NODE
                    || (hasElements && child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank())) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                strip(child);
            }
        }
    }
}

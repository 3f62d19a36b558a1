package io.cebgw.crypto.xml;

import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;

/**
 * Canonical XML 1.0 without comments (the spec's {@code REC-xml-c14n-20010315}) by Apache Santuario. A subtree is
 * canonicalized in document context: SignedInfo carries every namespace declared on its ancestors (the CEB
 * root's {@code xmlns:ceb} and {@code xmlns:xsi}, the Signature's {@code xmlns:ds}), which is what customs hashes.
 */
public final class Canonicalization {
    static {
        org.apache.xml.security.Init.init();
    }

    private Canonicalization() {
    }

    /** C14N 1.0 of a node: a Document gives the whole document, an Element its subtree in context. */
    public static byte[] of(Node node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS).canonicalizeSubtree(node, out);
            return out.toByteArray();
        } catch (InvalidCanonicalizerException | CanonicalizationException e) {
            throw new IllegalStateException("C14N failed", e);
        }
    }
}

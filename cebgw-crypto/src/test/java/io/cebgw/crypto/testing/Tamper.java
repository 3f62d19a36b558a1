package io.cebgw.crypto.testing;

import io.cebgw.core.signing.SigningException;
import io.cebgw.crypto.XmlDsigUris;
import io.cebgw.crypto.key.SigningKey;
import io.cebgw.crypto.xml.Canonicalization;
import io.cebgw.crypto.xml.SafeDom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/** Edits a signed document the way an attacker or a broken signer would, optionally re-signing SignedInfo. */
public final class Tamper {
    private final Document document;

    private Tamper(Document document) {
        this.document = document;
    }

    public static Tamper of(byte[] signed) {
        try {
            return new Tamper(SafeDom.parse(signed));
        } catch (SafeDom.Unreadable e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Document document() {
        return document;
    }

    public Element ds(String localName) {
        return (Element) document.getElementsByTagNameNS(XmlDsigUris.DSIG_NS, localName).item(0);
    }

    public Element ceb(String localName) {
        return (Element) document.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", localName).item(0);
    }

    public Tamper edit(Consumer<Document> change) {
        change.accept(document);
        return this;
    }

    /** Signs the (edited) SignedInfo again with the key, so only the intended defect remains. */
    public Tamper resign(SigningKey key) {
        try {
            return signatureValue(key.sign(Canonicalization.of(ds("SignedInfo"))));
        } catch (SigningException e) {
            throw new IllegalStateException(e);
        }
    }

    public Tamper signatureValue(byte[] value) {
        ds("SignatureValue").setTextContent(Base64.getEncoder().encodeToString(value));
        return this;
    }

    public byte[] bytes() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + new String(Canonicalization.of(document), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}

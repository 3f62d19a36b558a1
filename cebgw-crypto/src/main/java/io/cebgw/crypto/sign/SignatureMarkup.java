package io.cebgw.crypto.sign;

import io.cebgw.core.xml.Namespaces;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.XmlDsigUris;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The canonical text of {@code ds:Signature} for a message written by our own canonical writer, whose root
 * declares exactly {@code xmlns:ceb} and {@code xmlns:xsi}: SignedInfo as it is signed (in document context, with
 * those two declarations and {@code xmlns:ds}) and the Signature element as it is inserted. The same structure
 * as {@link SignatureElement} builds in DOM; a test holds the two equal. The fixed parts are encoded once per suite.
 */
final class SignatureMarkup {
    private static final String CONTEXT = " xmlns:ceb=\"" + Namespaces.CEB + "\" xmlns:ds=\"" + XmlDsigUris.DSIG_NS
            + "\" xmlns:xsi=\"" + Namespaces.XSI + "\"";
    private static final String SIGNED_INFO_END = "</ds:DigestValue></ds:Reference></ds:SignedInfo>";
    private static final Map<SignatureSuite, byte[]> SIGNED_INFO_START = new EnumMap<>(SignatureSuite.class);
    private static final Map<SignatureSuite, String> IN_DOCUMENT_START = new EnumMap<>(SignatureSuite.class);
    private static final byte[] SIGNED_INFO_END_BYTES = SIGNED_INFO_END.getBytes(StandardCharsets.US_ASCII);

    static {
        for (SignatureSuite suite : SignatureSuite.values()) {
            String content = "<ds:CanonicalizationMethod Algorithm=\"" + XmlDsigUris.C14N + "\"></ds:CanonicalizationMethod>"
                    + "<ds:SignatureMethod Algorithm=\"" + suite.signatureUri() + "\"></ds:SignatureMethod>"
                    + "<ds:Reference URI=\"\"><ds:Transforms><ds:Transform Algorithm=\"" + XmlDsigUris.ENVELOPED + "\"></ds:Transform>"
                    + "</ds:Transforms><ds:DigestMethod Algorithm=\"" + suite.digestUri() + "\"></ds:DigestMethod><ds:DigestValue>";
            SIGNED_INFO_START.put(suite, ("<ds:SignedInfo" + CONTEXT + ">" + content).getBytes(StandardCharsets.US_ASCII));
            IN_DOCUMENT_START.put(suite, "<ds:Signature xmlns:ds=\"" + XmlDsigUris.DSIG_NS + "\"><ds:SignedInfo>" + content);
        }
    }

    private SignatureMarkup() {
    }

    /** C14N of SignedInfo in the context of a {@code ceb}/{@code xsi} root: the bytes that are signed. */
    @SuppressWarnings("deprecation")
    static byte[] signedInfo(SignatureSuite suite, String digestBase64) {
        byte[] start = SIGNED_INFO_START.get(suite);
        byte[] out = new byte[start.length + digestBase64.length() + SIGNED_INFO_END_BYTES.length];
        System.arraycopy(start, 0, out, 0, start.length);
        digestBase64.getBytes(0, digestBase64.length(), out, start.length); // base64 is ASCII
        System.arraycopy(SIGNED_INFO_END_BYTES, 0, out, start.length + digestBase64.length(), SIGNED_INFO_END_BYTES.length);
        return out;
    }

    /** The Signature element as it appears in the document (SignedInfo inherits the root's declarations). */
    static byte[] signature(SignatureSuite suite, String digestBase64, byte[] value, String keyName, String certificateBase64) {
        return (IN_DOCUMENT_START.get(suite) + digestBase64 + SIGNED_INFO_END + "<ds:SignatureValue>"
                + Base64.getEncoder().encodeToString(value) + "</ds:SignatureValue><ds:KeyInfo><ds:KeyName>" + keyName
                + "</ds:KeyName><ds:X509Data><ds:X509Certificate>" + certificateBase64
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>").getBytes(StandardCharsets.US_ASCII);
    }
}

package io.cebgw.core.signing;

/**
 * Signs a CEB business message (the XML that goes into DxpMsg Data) with an enveloped XML signature.
 * Implementations live in cebgw-crypto; the gateway and the sandbox only see this interface.
 */
public interface MessageSigner {
    /**
     * Returns the signed message: the same document with {@code ds:Signature} as the last child of its root.
     *
     * @param businessXml an unsigned CEB message, UTF-8
     */
    byte[] sign(byte[] businessXml) throws SigningException;

    /** Signs a message from the model (the gateway's path: no parse needed). */
    byte[] sign(io.cebgw.core.model.CebMessage message) throws SigningException;

    /** The certificate number (KeyName) the signatures carry: the certificate serial in lowercase hex. */
    String certNo();
}

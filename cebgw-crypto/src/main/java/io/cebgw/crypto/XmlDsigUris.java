package io.cebgw.crypto;

/** Algorithm identifiers of CEB signatures (202205 spec §6 and the variants seen in the wild). */
public final class XmlDsigUris {
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public static final String C14N_WITH_COMMENTS = C14N + "#WithComments";
    public static final String ENVELOPED = DSIG_NS + "enveloped-signature";
    public static final String RSA_SHA1 = DSIG_NS + "rsa-sha1";
    public static final String SHA1 = DSIG_NS + "sha1";
    public static final String SM2_SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3";
    public static final String SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3";
    /** Not a spec URI: the SM2 method of a widely used open-source card signer, paired with a SHA-1 digest. */
    public static final String W3C_SM2_SM3 = DSIG_NS + "sm2-sm3";

    private XmlDsigUris() {
    }
}

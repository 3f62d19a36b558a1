package io.cebgw.core.xml;

/** The XML namespaces of the CEB and DXP messages. */
public final class Namespaces {
    public static final String CEB = "http://www.chinaport.gov.cn/ceb";
    public static final String CEB_PREFIX = "ceb";
    public static final String DXP = "http://www.chinaport.gov.cn/dxp";
    public static final String DXP_PREFIX = "dxp";
    public static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XSI_PREFIX = "xsi";

    private Namespaces() {
    }
}

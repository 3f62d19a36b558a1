package io.cebgw.core.xml;

import javax.xml.stream.XMLOutputFactory;

/** The StAX output factory for every document the project writes. */
public final class XmlOutput {
    /** Woodstox's switch for {@code <?xml version="1.0" …?>} with double quotes, as the official samples have it. */
    private static final String DOUBLE_QUOTES_IN_DECLARATION = "com.ctc.wstx.useDoubleQuotesInXmlDecl";
    private static final XMLOutputFactory FACTORY = create();

    private XmlOutput() {
    }

    public static XMLOutputFactory factory() {
        return FACTORY;
    }

    private static XMLOutputFactory create() {
        XMLOutputFactory f = XMLOutputFactory.newFactory();
        if (f.isPropertySupported(DOUBLE_QUOTES_IN_DECLARATION)) {
            f.setProperty(DOUBLE_QUOTES_IN_DECLARATION, Boolean.TRUE);
        }
        return f;
    }
}

package io.cebgw.crypto.xml;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Parses a document into DOM for signing and verification with every unsafe feature off: no DOCTYPE at all
 * (so no external entities and no entity expansion), no XInclude, secure processing limits. A DOCTYPE is
 * reported as such ({@link Unreadable#dtd()}), so the verifier can name it.
 */
public final class SafeDom {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String MAX_DEPTH = "jdk.xml.maxElementDepth";
    private static final String MAX_ELEMENT_DEPTH = "64";
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeDom::newBuilder);

    private SafeDom() {
    }

    /** Why a document could not be parsed; {@code dtd} is true when it carries a DOCTYPE. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean dtd;

        Unreadable(String message, boolean dtd, Throwable cause) {
            super(message, cause);
            this.dtd = dtd;
        }

        public boolean dtd() {
            return dtd;
        }
    }

    public static Document parse(byte[] xml) throws Unreadable {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(Quiet.INSTANCE);
        try {
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            boolean dtd = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            throw new Unreadable((dtd ? "DOCTYPE" : "line " + e.getLineNumber() + ": " + e.getMessage()), dtd, e);
        } catch (SAXException | IOException e) {
            throw new Unreadable(String.valueOf(e.getMessage()), false, e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_DEPTH, MAX_ELEMENT_DEPTH); // CEB messages nest 6 deep; refuse stack-eating input

            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** Errors become exceptions, never lines on standard error. */
    private enum Quiet implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}

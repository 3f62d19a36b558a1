package io.cebgw.core.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads untrusted XML safely: the whole input is bounded by {@link XmlLimits}, DTDs (and so XXE and entity
 * expansion) are refused before anything is expanded, and only UTF-8 is accepted.
 */
public final class XmlInput {
    private static final XMLInputFactory FACTORY = createFactory();

    private XmlInput() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE); // text may come in several events; every reader appends them
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        return f;
    }

    /** Reads a whole file, refusing it before reading when it is larger than the limit. */
    public static byte[] readFile(Path file, XmlLimits limits) throws CebReadException {
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new CebReadException(ReadError.TOO_LARGE, String.valueOf(limits.maxBytes()));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readStream(in, limits);
            }
        } catch (NoSuchFileException e) {
            throw new CebReadException(ReadError.IO, "no such file: " + file);
        } catch (IOException e) {
            throw new CebReadException(ReadError.IO, file + ": " + e.getMessage());
        }
    }

    /** Reads a whole stream, failing as soon as it passes the limit (memory stays bounded). */
    public static byte[] readStream(InputStream in, XmlLimits limits) throws CebReadException {
        try {
            byte[] bytes = new LimitedInputStream(in, limits.maxBytes()).readAllBytes();
            if (bytes.length == 0) {
                throw new CebReadException(ReadError.EMPTY, "");
            }
            return bytes;
        } catch (LimitedInputStream.LimitExceeded e) {
            throw new CebReadException(ReadError.TOO_LARGE, String.valueOf(limits.maxBytes()));
        } catch (IOException e) {
            throw new CebReadException(ReadError.IO, e.getMessage());
        }
    }

    /**
     * Opens a reader on a document and moves it to the root element. Refuses empty input, byte-order marks
     * of other encodings, encodings other than UTF-8 and any DOCTYPE.
     */
    public static XMLStreamReader openAtRoot(byte[] bytes) throws CebReadException {
        if (bytes.length == 0) {
            throw new CebReadException(ReadError.EMPTY, "");
        }
        int offset = utf8BomLength(bytes);
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset));
        } catch (XMLStreamException e) {
            throw translate(e);
        }
        String declared = r.getCharacterEncodingScheme();
        if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
            throw new CebReadException(ReadError.ENCODING, "declared encoding " + declared);
        }
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new CebReadException(ReadError.DTD_FORBIDDEN, "", line(r.getLocation()));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return r;
                }
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        }
        throw new CebReadException(ReadError.NOT_WELL_FORMED, "no root element");
    }

    private static int utf8BomLength(byte[] b) throws CebReadException {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            throw new CebReadException(ReadError.ENCODING, "UTF-16 byte-order mark");
        }
        if (b.length >= 2 && (b[0] == 0 || b[1] == 0)) {
            throw new CebReadException(ReadError.ENCODING, "UTF-16 or UTF-32 text");
        }
        return 0;
    }

    /** Turns a parser exception into a one-line read error. */
    public static CebReadException translate(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException) {
                return new CebReadException(ReadError.ENCODING, "invalid UTF-8 byte sequence", line(e.getLocation()));
            }
            if (t instanceof LimitedInputStream.LimitExceeded) {
                return new CebReadException(ReadError.TOO_LARGE, t.getMessage());
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // StAX prefixes messages with "ParseError at [row,col]:[..]\nMessage: "; keep only the message.
        int m = message.lastIndexOf("Message: ");
        if (m >= 0) {
            message = message.substring(m + "Message: ".length());
        }
        if ((message.contains("Invalid byte") || message.contains("Invalid UTF-8")) && message.contains("UTF-8")) {
            return new CebReadException(ReadError.ENCODING, "invalid UTF-8 byte sequence", line(e.getLocation()));
        }
        if ((message.contains("entity") && message.contains("referenced")) || message.contains("Undeclared general entity")) {
            return new CebReadException(ReadError.DTD_FORBIDDEN, "", line(e.getLocation()));
        }
        return new CebReadException(ReadError.NOT_WELL_FORMED, message.replaceAll("\\s+", " ").trim(), line(e.getLocation()));
    }

    private static int line(Location location) {
        return location == null ? -1 : location.getLineNumber();
    }
}

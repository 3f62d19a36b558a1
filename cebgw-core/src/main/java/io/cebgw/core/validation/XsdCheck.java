package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.FindingCode;
import io.cebgw.core.spec.MessageType;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ErrorHandler;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optional extra check against the official XSDs, from a directory the user points at
 * ({@code cebgw.schema-dir}, {@code --schema-dir}). The project does not ship the XSDs.
 * Expected files: {@code ceb-export.xsd}, {@code ceb-import.xsd} (for CEB900), {@code dxp-terminal.xsd},
 * {@code dxp-transfer.xsd} and {@code xmldsig-core-schema.xsd}, as in the official 202205 package.
 */
public final class XsdCheck {
    public static final String EXPORT = "ceb-export.xsd";
    public static final String IMPORT = "ceb-import.xsd";
    public static final String TERMINAL = "dxp-terminal.xsd";
    public static final String TRANSFER = "dxp-transfer.xsd";

    private final Path directory;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public XsdCheck(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The schema file that defines a message type. */
    public static String schemaFor(MessageType type) {
        return type == MessageType.CEB900 ? IMPORT : EXPORT;
    }

    /** Validates a document against one of the schema files; every violation becomes a finding. */
    public List<Finding> check(byte[] document, String schemaFile) {
        List<Finding> findings = new ArrayList<>();
        Schema schema;
        try {
            schema = schemas.computeIfAbsent(schemaFile, this::load);
        } catch (IllegalStateException e) {
            findings.add(FindingCode.XSD_UNAVAILABLE.at("/", e.getMessage()));
            return findings;
        }
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            // properties are supported by the JDK validator; nothing to do otherwise
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // schema warnings are not findings
            }

            @Override
            public void error(SAXParseException e) {
                findings.add(FindingCode.XSD_INVALID.at("line " + e.getLineNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) {
                findings.add(FindingCode.XSD_INVALID.at("line " + e.getLineNumber(), e.getMessage()));
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            if (findings.isEmpty()) {
                findings.add(FindingCode.XSD_INVALID.at("/", e.getMessage()));
            }
        } catch (IOException e) {
            findings.add(FindingCode.XSD_UNAVAILABLE.at("/", e.getMessage()));
        }
        return findings;
    }

    /** Loads both schema files now (each includes the envelope and signature schemas): what keeps one from loading, if anything. */
    public List<String> unavailable() {
        List<String> problems = new ArrayList<>();
        for (String file : List.of(EXPORT, IMPORT)) {
            try {
                schemas.computeIfAbsent(file, this::load);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private Schema load(String file) {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("schema file not found: " + path);
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            return factory.newSchema(path.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load schema " + path + ": " + e.getMessage(), e);
        }
    }
}

package io.cebgw.cli;

import io.cebgw.core.xml.CebReadException;
import io.cebgw.core.xml.XmlInput;
import io.cebgw.core.xml.XmlLimits;

import java.nio.file.Path;

/** Reads a command's input file, or standard input for "-", within the size limit. */
final class Input {
    private Input() {
    }

    static byte[] read(String file, XmlLimits limits) throws CebReadException {
        if ("-".equals(file)) {
            return XmlInput.readStream(System.in, limits);
        }
        return XmlInput.readFile(Path.of(file), limits);
    }
}

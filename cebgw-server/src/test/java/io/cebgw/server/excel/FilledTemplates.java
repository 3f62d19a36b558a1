package io.cebgw.server.excel;

import io.cebgw.core.model.CebMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Templates filled in the way a clerk would: the headers of the template, then one row per item line of each message. */
public final class FilledTemplates {
    private FilledTemplates() {
    }

    /** Writes the messages into an .xlsx with the layout's headers; returns the number of data rows. */
    public static int write(ImportLayout layout, Iterable<CebMessage> messages, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return ImportWorkbooks.filled(layout, messages, out);
        }
    }
}

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

    /**
     * Empties the header columns of the sheet rows (1-based data rows, as in the sheet) that {@code continuation} picks:
     * the continuation rows a clerk leaves blank under a document's first row.
     */
    public static void blankHeaders(Path file, ImportLayout layout, java.util.function.IntPredicate continuation) throws IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(file))) {
            var sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (!continuation.test(r)) {
                    continue;
                }
                for (ImportLayout.Column c : layout.columns()) {
                    if (!c.item() && sheet.getRow(r).getCell(c.index()) != null) {
                        sheet.getRow(r).getCell(c.index()).setBlank();
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
    }
}

package io.cebgw.server.excel;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Templates filled in the way a clerk would: the headers of the template, then one row per item line of each message. */
public final class FilledTemplates {
    private FilledTemplates() {
    }

    /** Writes the messages into an .xlsx with the layout's headers; returns the number of data rows. */
    public static int write(ImportLayout layout, Iterable<CebMessage> messages, Path file) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet(layout.type().name());
            var header = sheet.createRow(0);
            layout.columns().forEach(c -> header.createCell(c.index()).setCellValue(c.header()));
            int r = 1;
            for (CebMessage m : messages) {
                Node record = m.businessRecords().get(0);
                List<Node> items = layout.items().map(i -> record.children(i.name())).orElse(List.of());
                for (int i = 0; i < Math.max(1, items.size()); i++) {
                    var row = sheet.createRow(r++);
                    Node item = items.isEmpty() ? null : items.get(i);
                    for (ImportLayout.Column c : layout.columns()) {
                        String value = c.item() ? (item == null ? null : item.get(c.field())) : record.head().get(c.field());
                        if (value != null) {
                            row.createCell(c.index()).setCellValue(value);
                        }
                    }
                }
            }
            book.write(out);
            book.dispose();
            return r - 1;
        }
    }
}

package io.cebgw.server.excel;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The workbooks an import hands out: the blank template of a type, and the report of what is wrong in an upload. */
public final class ImportWorkbooks {
    private ImportWorkbooks() {
    }

    /**
     * A sheet with the type's Chinese headers (text cells throughout, drop-downs on coded columns), a filled sample, the
     * code tables, and a sheet of instructions.
     */
    public static byte[] template(ImportLayout layout) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(layout.type().name());
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle header = headerStyle(book);
            var row = sheet.createRow(0);
            for (ImportLayout.Column c : layout.columns()) {
                var cell = row.createCell(c.index());
                cell.setCellValue(c.header());
                cell.setCellStyle(header);
                sheet.setDefaultColumnStyle(c.index(), text);
                sheet.setColumnWidth(c.index(), Math.min(60, Math.max(12, c.header().length() * 2 + 2)) * 256);
            }
            sheet.createFreezePane(0, 1);
            TemplateCodes.addDropDowns(book, sheet, layout);
            TemplateCodes.addSample(book, layout);
            Sheet help = book.createSheet("说明 Help");
            List<String> lines = List.of(
                    layout.type().name() + " " + layout.type().zh() + " / " + layout.type().en(),
                    "第 1 行为表头，请勿修改；从第 2 行起每行一条" + (layout.items().isPresent() ? "商品项（表体）" : "单证") + "。",
                    layout.items().isPresent() ? "同一单证的多行须相邻、表头列相同（业务编号相同即为同一单证）；后续行的表头列可留空。" : "每行一个单证。",
                    "带 * 的列为必填；guid、appType、appTime 留空时自动生成（新增、当前时间），这些列不带 *。",
                    "代码列（币制、国别、计量单位、运输方式等）可从下拉中选择，代码与名称见“代码 Codes”表；“示例 Sample”表是一份填好的单证，仅供参考，不会导入。",
                    "传输信息（BaseTransfer）取自本企业资料，不在表中。",
                    "导入时先整体校验：有任何错误则一条也不导入，并给出逐行的错误报告（行、列、问题）。",
                    "Row 1 holds the headers; each further row is one " + (layout.items().isPresent() ? "item line" : "document")
                            + ". Rows of one document are adjacent and share the business number. Nothing is imported while any row has an error.");
            for (int i = 0; i < lines.size(); i++) {
                help.createRow(i).createCell(0).setCellValue(lines.get(i));
            }
            help.setColumnWidth(0, 120 * 256);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Messages written in the import format of their type (one row per item line, the head repeated on each): what a
     * filled-in template looks like; also an export of documents for editing and re-import. Streams, so large sets
     * stay small in memory. Returns the number of data rows.
     */
    public static int filled(ImportLayout layout, Iterable<io.cebgw.core.model.CebMessage> messages, java.io.OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet(layout.type().name());
            var header = sheet.createRow(0);
            layout.columns().forEach(c -> header.createCell(c.index()).setCellValue(c.header()));
            int r = 1;
            for (io.cebgw.core.model.CebMessage m : messages) {
                r = writeDocument(sheet, layout, m, r, c -> true);
            }
            book.write(out);
            book.dispose();
            return r - 1;
        }
    }

    /**
     * One document in the import format from row {@code first} on: one row per item line, the head on each; only the
     * columns {@code include} takes. Returns the next free row.
     */
    static int writeDocument(Sheet sheet, ImportLayout layout, io.cebgw.core.model.CebMessage m, int first,
                             java.util.function.Predicate<ImportLayout.Column> include) {
        io.cebgw.core.model.Node record = m.businessRecords().get(0);
        List<io.cebgw.core.model.Node> items = layout.items().map(i -> record.children(i.name())).orElse(List.of());
        int r = first;
        for (int i = 0; i < Math.max(1, items.size()); i++) {
            var row = sheet.createRow(r++);
            io.cebgw.core.model.Node item = items.isEmpty() ? null : items.get(i);
            for (ImportLayout.Column c : layout.columns()) {
                String value = c.item() ? (item == null ? null : item.get(c.field())) : record.head().get(c.field());
                if (value != null && include.test(c)) {
                    row.createCell(c.index()).setCellValue(value);
                }
            }
        }
        return r;
    }

    /** The problems of an upload, one per line: row, column, severity, code, message in Chinese and English. */
    public static byte[] report(List<DocumentImport.Problem> problems) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("错误报告 Report");
            CellStyle header = headerStyle(book);
            String[] headers = {"行 Row", "列 Column", "级别 Severity", "代码 Code", "问题", "Finding"};
            var first = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                var cell = first.createCell(i);
                cell.setCellValue(headers[i]);
                cell.setCellStyle(header);
            }
            CellStyle whole = book.createCellStyle();
            whole.setDataFormat(book.createDataFormat().getFormat("0"));   // row 2, never 2.0
            int r = 1;
            for (DocumentImport.Problem p : problems) {
                var row = sheet.createRow(r++);
                var number = row.createCell(0);
                number.setCellValue(p.row());
                number.setCellStyle(whole);
                row.createCell(1).setCellValue(p.column());
                row.createCell(2).setCellValue(p.error() ? "错误 ERROR" : "警告 WARNING");
                row.createCell(3).setCellValue(p.code());
                row.createCell(4).setCellValue(p.message());
                row.createCell(5).setCellValue(p.messageEn());
            }
            int[] widths = {10, 30, 14, 12, 70, 70};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            byte[] out = bytes(book);
            book.dispose();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle headerStyle(Workbook book) {
        CellStyle style = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        style.setFont(bold);
        return style;
    }

    private static byte[] bytes(Workbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}

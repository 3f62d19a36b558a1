package io.cebgw.server.excel;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Reads the first sheet of an .xlsx file row by row without loading it (POI's event API): each row as its cell texts,
 * as Excel shows them. Memory stays flat however many rows the file has.
 */
final class SheetRows {
    /** A row's number as Excel shows it (1-based) and its cell texts by column. */
    record Row(int number, String[] cells) {
        String cell(int column) {
            return column < cells.length && cells[column] != null ? cells[column].strip() : "";
        }

        boolean blank() {
            return Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
        }
    }

    /** Receives the rows in order. */
    @FunctionalInterface
    interface Visitor {
        void row(Row row) throws ImportException;
    }

    private SheetRows() {
    }

    /** Visits every row of the first sheet; an unreadable file gives {@link ImportException} with code GW-X001. */
    static void read(Path file, int columns, Visitor visitor) throws ImportException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportException.unreadable("没有工作表", "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Collector(columns, visitor), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (Stop stop) {
            throw stop.cause;
        } catch (ImportException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw ImportException.unreadable("不是可读的 Excel 文件（.xlsx）", "not a readable Excel file (.xlsx)");
        }
    }

    /** Carries a visitor's refusal through the SAX parser. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportException cause;

        Stop(ImportException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int columns;
        private final Visitor visitor;
        private String[] cells;
        private int number;

        Collector(int columns, Visitor visitor) {
            this.columns = columns;
            this.visitor = visitor;
        }

        @Override
        public void startRow(int rowNum) {
            number = rowNum + 1;
            cells = new String[columns];
        }

        @Override
        public void endRow(int rowNum) {
            try {
                visitor.row(new Row(number, cells));
            } catch (ImportException e) {
                throw new Stop(e);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (column < columns) {
                cells[column] = formattedValue;
            }
        }
    }
}

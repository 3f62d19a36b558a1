package io.cebgw.server.excel;

import io.cebgw.core.codes.CodeEntry;
import io.cebgw.core.codes.CodeList;
import io.cebgw.core.codes.FieldCodeLists;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes an import template easy to fill: a drop-down of current codes on every coded column (the codes listed, with
 * their names, on a sheet of their own), and a sample sheet holding one complete, valid document of the type.
 */
final class TemplateCodes {
    static final String CODES_SHEET = "代码 Codes";
    static final String SAMPLE_SHEET = "示例 Sample";
    private static final int LAST_ROW = 65_535;

    private TemplateCodes() {
    }

    /** Drop-downs on the coded columns; their lists on the codes sheet (code in one column, its name beside it). */
    static void addDropDowns(XSSFWorkbook book, Sheet sheet, ImportLayout layout) {
        Map<String, List<CodeEntry>> lists = new LinkedHashMap<>();
        Map<ImportLayout.Column, String> columnList = new LinkedHashMap<>();
        for (ImportLayout.Column c : layout.columns()) {
            String group = c.item() ? layout.items().orElseThrow().name() : layout.head().name();
            FieldCodeLists.standard().forField(layout.type(), group, c.field()).ifPresent(list -> {
                lists.computeIfAbsent(list.name() + "|" + list.titleZh(), k -> current(list));
                columnList.put(c, list.name() + "|" + list.titleZh());
            });
        }
        if (lists.isEmpty()) {
            return;
        }
        Sheet codes = book.createSheet(CODES_SHEET);
        var header = codes.createRow(0);
        Map<String, String> ranges = new LinkedHashMap<>();
        int col = 0;
        for (Map.Entry<String, List<CodeEntry>> list : lists.entrySet()) {
            header.createCell(col).setCellValue(list.getKey().substring(list.getKey().indexOf('|') + 1));
            header.createCell(col + 1).setCellValue("名称 Name");
            List<CodeEntry> entries = list.getValue();
            for (int i = 0; i < entries.size(); i++) {
                var row = codes.getRow(i + 1) == null ? codes.createRow(i + 1) : codes.getRow(i + 1);
                row.createCell(col).setCellValue(entries.get(i).code());
                row.createCell(col + 1).setCellValue(entries.get(i).nameZh());
            }
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
            ranges.put(list.getKey(), "'" + CODES_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (entries.size() + 1));
            codes.setColumnWidth(col + 1, 24 * 256);
            col += 3;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (Map.Entry<ImportLayout.Column, String> c : columnList.entrySet()) {
            DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(ranges.get(c.getValue())),
                    new CellRangeAddressList(1, LAST_ROW, c.getKey().index(), c.getKey().index()));
            validation.setShowErrorBox(false);   // a code not in our copy of a partial table (customs areas) may still be right
            sheet.addValidationData(validation);
        }
    }

    /** One complete document of the type, as it would be filled in (not imported: it is on a sheet of its own). */
    static void addSample(XSSFWorkbook book, ImportLayout layout) {
        CebMessage sample = new ExampleFactory().create(layout.type(), new ExampleOptions(null, null, 2));
        Sheet sheet = book.createSheet(SAMPLE_SHEET);
        var header = sheet.createRow(0);
        layout.columns().forEach(c -> header.createCell(c.index()).setCellValue(c.header()));
        ImportWorkbooks.writeDocument(sheet, layout, sample, 1, c -> !io.cebgw.core.spec.SystemFields.HEAD.contains(c.field()));
    }

    private static List<CodeEntry> current(CodeList list) {
        return list.entries().values().stream().filter(CodeEntry::current).sorted(Comparator.comparing(CodeEntry::code)).toList();
    }
}

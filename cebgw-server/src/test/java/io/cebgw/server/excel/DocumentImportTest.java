package io.cebgw.server.excel;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.store.DocumentStore;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Excel import: all or nothing, problems tied to row and column, hostile or foreign files refused with a code. */
@SpringBootTest(classes = GatewayApplication.class)
@TestPropertySource(properties = {"cebgw.workers=false", "spring.datasource.url=jdbc:h2:mem:import;DB_CLOSE_DELAY=-1"})
class DocumentImportTest {
    @TempDir
    Path dir;
    @Autowired
    DocumentImport importer;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    DocumentStore documents;

    private EnterpriseService.Registered enterprise() throws Exception {
        String name = UUID.randomUUID().toString().substring(0, 8);
        Path p12 = dir.resolve(name + ".p12");
        Files.writeString(dir.resolve(name + ".pw"), "pw\n");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, "pw".toCharArray(), "cebgw");
        String dxp = "DXPENT" + String.format("%010d", Math.abs(name.hashCode()) % 1_000_000_0000L);
        return enterprises.register("导入" + name, "3301964ABC", dxp, "EBC,AGENT", "type=pkcs12\npath=" + p12 + "\npassword.file=" + dir.resolve(name + ".pw") + "\n");
    }

    private List<CebMessage> lists(int n, String dxpId) {
        List<CebMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FlowDocuments.document(MessageType.CEB603, "9710", "IM" + i + "-", dxpId));
        }
        return out;
    }

    @Test
    void aCleanFileIsImportedAsDraftsAndABadRowStopsEverything() throws Exception {
        EnterpriseService.Registered e = enterprise();
        ImportLayout layout = ImportLayout.of(MessageType.CEB603).orElseThrow();
        Path good = dir.resolve("good.xlsx");
        int rows = FilledTemplates.write(layout, lists(30, e.enterprise().dxpId()), good);
        DocumentImport.Result ok = importer.importDrafts(e.enterprise(), layout, good);
        assertThat(ok.problems()).noneMatch(DocumentImport.Problem::error);
        assertThat(ok.imported()).isTrue();
        assertThat(ok.documents()).isEqualTo(30);
        assertThat(ok.rows()).isEqualTo(rows);
        assertThat(documents.list(e.enterprise().id(), null, null, 100, 0)).hasSize(30).allMatch(d -> "1".equals(d.appStatus()));

        EnterpriseService.Registered other = enterprise();
        List<CebMessage> withBad = lists(20, other.enterprise().dxpId());
        withBad.get(12).businessRecords().get(0).children("InventoryList").get(0).set("gname", null);
        Path bad = dir.resolve("bad.xlsx");
        FilledTemplates.write(layout, withBad, bad);
        DocumentImport.Result refused = importer.importDrafts(other.enterprise(), layout, bad);
        assertThat(refused.imported()).isFalse();
        assertThat(documents.list(other.enterprise().id(), null, null, 100, 0)).as("nothing half-imported").isEmpty();
        DocumentImport.Problem p = refused.problems().stream().filter(DocumentImport.Problem::error).findFirst().orElseThrow();
        assertThat(p.row()).isEqualTo(14); // header + 12 documents of one row each before it
        assertThat(p.column()).isEqualTo(layout.column(true, "gname").orElseThrow().header());
        assertThat(p.code()).isEqualTo("CEB-F001");

        byte[] report = ImportWorkbooks.report(refused.problems());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(14);
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(row.getCell(0))).as("a whole number").isEqualTo("14");
            assertThat(row.getCell(1).getStringCellValue()).contains("gname");
            assertThat(row.getCell(4).getStringCellValue()).contains("商品名称");
        }

        DocumentImport.Result again = importer.importDrafts(e.enterprise(), layout, good);
        assertThat(again.imported()).as("the same numbers twice: refused as existing").isFalse();
        assertThat(again.problems()).anyMatch(x -> x.code().equals("GW-D004"));
    }

    @Test
    void foreignAndBrokenFilesAreRefusedWithACode() throws Exception {
        EnterpriseService.Registered e = enterprise();
        ImportLayout list = ImportLayout.of(MessageType.CEB603).orElseThrow();
        ImportLayout order = ImportLayout.of(MessageType.CEB303).orElseThrow();
        Path orders = dir.resolve("orders.xlsx");
        FilledTemplates.write(order, List.of(FlowDocuments.document(MessageType.CEB303, "9710", "X-", e.enterprise().dxpId())), orders);
        assertThatThrownBy(() -> importer.importDrafts(e.enterprise(), list, orders)).isInstanceOf(ImportException.class)
                .extracting(x -> ((ImportException) x).code()).isEqualTo("GW-X002");
        Path garbage = dir.resolve("garbage.xlsx");
        Files.write(garbage, "PK\u0003\u0004 not really a zip".getBytes());
        assertThatThrownBy(() -> importer.importDrafts(e.enterprise(), list, garbage)).isInstanceOf(ImportException.class)
                .extracting(x -> ((ImportException) x).code()).isEqualTo("GW-X001");
        Path text = dir.resolve("list.csv.xlsx");
        Files.writeString(text, "orderNo,gname\n1,鞋\n");
        assertThatThrownBy(() -> importer.importDrafts(e.enterprise(), list, text)).isInstanceOf(ImportException.class)
                .extracting(x -> ((ImportException) x).code()).isEqualTo("GW-X001");
        byte[] template = ImportWorkbooks.template(list);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(list.columns().get(0).header());
            assertThat(book.getSheetAt(0).getRow(0).getLastCellNum()).isEqualTo((short) list.columns().size());
        }
    }

    @Test
    void continuationRowsWithEmptyHeaderColumnsAreMoreItemsOfTheDocumentAbove() throws Exception {
        EnterpriseService.Registered e = enterprise();
        ImportLayout layout = ImportLayout.of(MessageType.CEB303).orElseThrow();
        List<CebMessage> orders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            orders.add(new io.cebgw.core.example.ExampleFactory().create(MessageType.CEB303, new io.cebgw.core.example.ExampleOptions("9710", null, 3)));
            var head = orders.get(i).businessRecords().get(0).child("OrderHead");
            head.set("orderNo", "CONT-" + i).set("guid", CebMessage.newGuid());
        }
        Path file = dir.resolve("continuation.xlsx");
        FilledTemplates.write(layout, orders, file);
        FilledTemplates.blankHeaders(file, layout, r -> (r - 1) % 3 != 0);   // each order's first row keeps its header columns
        DocumentImport.Result result = importer.importDrafts(e.enterprise(), layout, file);
        assertThat(result.problems()).noneMatch(DocumentImport.Problem::error);
        assertThat(result.documents()).as("two orders, not six").isEqualTo(2);
        assertThat(result.rows()).isEqualTo(6);
        for (var d : documents.list(e.enterprise().id(), null, null, 10, 0)) {
            String xml = new String(documents.byId(e.enterprise().id(), d.id()).orElseThrow().unsignedXml(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xml.split("<ceb:OrderList>", -1)).as("three item lines").hasSize(4);
        }
    }

    @Test
    void waybillsImportFromTheirOwnTemplateWithoutStarsOnWhatTheGatewayFills() throws Exception {
        EnterpriseService.Registered e = enterprise();
        ImportLayout layout = ImportLayout.of(MessageType.CEB505).orElseThrow();
        assertThat(layout.flat()).isTrue();
        assertThat(layout.columns()).filteredOn(c -> c.field().equals("guid") || c.field().equals("appTime"))
                .allSatisfy(c -> assertThat(c.header()).doesNotStartWith("*"));
        assertThat(layout.column(false, "logisticsNo").orElseThrow().header()).startsWith("*");
        List<CebMessage> waybills = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CebMessage w = FlowDocuments.document(MessageType.CEB505, "9710", "WB" + i + "-", e.enterprise().dxpId());
            w.businessRecords().get(0).set("guid", null).set("appTime", null);   // left to the gateway
            waybills.add(w);
        }
        Path file = dir.resolve("waybills.xlsx");
        FilledTemplates.write(layout, waybills, file);
        DocumentImport.Result result = importer.importDrafts(e.enterprise(), layout, file);
        assertThat(result.problems()).noneMatch(DocumentImport.Problem::error);
        assertThat(result.imported()).isTrue();
        assertThat(documents.list(e.enterprise().id(), "CEB505Message", null, 10, 0)).hasSize(3);
    }

    @Test
    void theTemplateOffersCodesAsDropDownsAndShowsAFilledSample() throws Exception {
        ImportLayout layout = ImportLayout.of(MessageType.CEB603).orElseThrow();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ImportWorkbooks.template(layout)))) {
            var sheet = book.getSheetAt(0);
            int currency = layout.column(true, "currency").orElseThrow().index();
            assertThat(sheet.getDataValidations()).anySatisfy(v -> {
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(currency);
                assertThat(v.getValidationConstraint().getFormula1()).contains("Codes");
            });
            var codes = book.getSheet("代码 Codes");
            assertThat(codes).isNotNull();
            StringBuilder all = new StringBuilder();
            codes.forEach(r -> r.forEach(c -> all.append(c.getStringCellValue()).append(' ')));
            assertThat(all).contains("502").contains("美元").doesNotContain("德国马克");
            var sample = book.getSheet("示例 Sample");
            assertThat(sample.getRow(1).getCell(layout.column(false, "orderNo").orElseThrow().index()).getStringCellValue()).isNotBlank();
            assertThat(sample.getRow(2) != null).as("a second item line").isTrue();
        }
        EnterpriseService.Registered e = enterprise();
        Path template = dir.resolve("template.xlsx");
        Files.write(template, ImportWorkbooks.template(layout));
        DocumentImport.Result nothing = importer.importDrafts(e.enterprise(), layout, template);
        assertThat(nothing.documents()).as("the sample sheet is not imported").isZero();
    }
}

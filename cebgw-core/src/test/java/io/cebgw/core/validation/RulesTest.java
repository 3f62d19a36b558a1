package io.cebgw.core.validation;

import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.Severity;
import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule group catches what it is for, and every finding is reported at once, in both languages. */
class RulesTest {
    private final ExampleFactory examples = new ExampleFactory();
    private final MessageValidator validator = new MessageValidator();

    private CebMessage list(String tradeMode) {
        return examples.create(MessageType.CEB603, new ExampleOptions(tradeMode, null, 3));
    }

    private static Node head(CebMessage m) {
        return m.businessRecords().get(0).child("InventoryHead");
    }

    private static Node item(CebMessage m, int i) {
        return m.businessRecords().get(0).children("InventoryList").get(i);
    }

    @Test
    void everyProblemIsReportedAtOnceWithCodePathAndBothLanguages() {
        CebMessage m = list("9710");
        head(m).set("orderNo", null);                                  // required
        head(m).set("logisticsNo", "X".repeat(33));                    // ≤ 32
        head(m).set("appTime", "20261331250000");                      // not a date
        head(m).set("freight", "12.345678");                           // 5 decimals at most
        head(m).set("fCurrency", "999");                               // not a currency
        item(m, 1).set("gnum", "5");                                   // numbering
        item(m, 2).set("totalPrice", "1.00");                          // qty × price
        head(m).set("netWeight", "9999");                              // more than gross
        ValidationReport report = validator.validate(m);
        assertThat(report.errors()).extracting(Finding::code).contains("CEB-F001", "CEB-F003", "CEB-F008", "CEB-F005",
                "CEB-C001", "CEB-R001", "CEB-R002", "CEB-R004");
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.path()).startsWith("/ceb:CEB603Message");
            assertThat(f.messageZh()).isNotBlank().doesNotContain("%");
            assertThat(f.messageEn()).isNotBlank().doesNotContain("%");
        });
        assertThat(report.findings()).filteredOn(f -> f.code().equals("CEB-F001"))
                .extracting(Finding::path).containsExactly("/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:orderNo");
    }

    @Test
    void specialAreaExportNeedsItsAccountFields() {
        CebMessage m = list("1210");
        assertThat(validator.validate(m).valid()).isTrue();
        head(m).set("emsNo", null);
        item(m, 0).set("itemRecordNo", null);
        assertThat(validator.validate(m).errors()).extracting(Finding::code, Finding::path).contains(
                org.assertj.core.groups.Tuple.tuple("CEB-B005", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:emsNo"),
                org.assertj.core.groups.Tuple.tuple("CEB-B005", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryList[1]/ceb:itemRecordNo"));
    }

    @Test
    void b2bOrderTypeMustMatchTheListsTradeMode() {
        CebMessage order = examples.create(MessageType.CEB303, new ExampleOptions("9810", null, 3));
        CebMessage list = list("9710");
        head(list).set("orderNo", order.businessRecords().get(0).child("OrderHead").get("orderNo"));
        head(list).set("ebpCode", "无");
        List<Finding> cross = new CrossDocumentRules().check(List.of(order, list));
        assertThat(cross).extracting(Finding::code).contains("CEB-B004");
        assertThat(cross).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));

        CebMessage matching = list("9810");
        head(matching).set("orderNo", order.businessRecords().get(0).child("OrderHead").get("orderNo"));
        assertThat(new CrossDocumentRules().check(List.of(order, matching))).isEmpty();
    }

    @Test
    void foreignPlatformWithoutCodeIsAcceptedWithANote() {
        CebMessage order = examples.create(MessageType.CEB303, new ExampleOptions("9710", null, 1));
        order.businessRecords().get(0).child("OrderHead").set("ebpCode", "无");
        ValidationReport report = validator.validate(order);
        assertThat(report.valid()).isTrue();
        assertThat(report.findings()).extracting(Finding::code, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple("CEB-B001", Severity.INFO));
    }

    @Test
    void orderTypeOutsideTheSpecListIsAnError() {
        CebMessage order = examples.create(MessageType.CEB303);
        order.businessRecords().get(0).child("OrderHead").set("orderType", "X");
        assertThat(validator.validate(order).errors()).extracting(Finding::code).containsExactly("CEB-C001");
    }

    @Test
    void orderGoodsValueMustEqualTheItems() {
        CebMessage order = examples.create(MessageType.CEB303);
        order.businessRecords().get(0).child("OrderHead").set("goodsValue", "1.00");
        assertThat(validator.validate(order).errors()).extracting(Finding::code).containsExactly("CEB-R003");
    }

    @Test
    void tooManyRecordsAndMissingBlocksAreStructuralErrors() {
        CebMessage m = list("9710");
        m.root().clear("BaseTransfer");
        for (int i = 0; i < 100; i++) {
            m.addBusinessRecord();
        }
        assertThat(validator.validate(m).errors()).extracting(Finding::code).contains("CEB-S004", "CEB-S005");
    }

    @Test
    void guidCaseAndAMalformedListNumberAreWarnings() {
        CebMessage cancel = examples.create(MessageType.CEB605);
        cancel.businessRecords().get(0).set("guid", "abcdefab-1234-1234-1234-abcdefabcdef");
        ValidationReport lowerGuid = validator.validate(cancel);
        assertThat(lowerGuid.valid()).isTrue();
        assertThat(lowerGuid.findings()).extracting(Finding::code).contains("CEB-F009");
        cancel.businessRecords().get(0).set("invtNo", "29282026E1234"); // a warning: the official samples use placeholders
        ValidationReport malformed = validator.validate(cancel);
        assertThat(malformed.valid()).isTrue();
        assertThat(malformed.findings()).extracting(Finding::code).contains("CEB-B003");
    }

    /** Single-field rules the spec states but the XSD does not check: realistic mistakes a declarant makes. */
    @Test
    void theSpecsFieldRulesAreErrors() {
        CebMessage m = list("9710");
        item(m, 0).set("gcode", "64041100AB");   // letters in the commodity code (10 characters, so the XSD takes it)
        item(m, 1).set("gcode", "640411000");    // 9 digits
        head(m).set("packNo", "0");               // no packages
        ValidationReport report = validator.validate(m);
        assertThat(report.errors()).extracting(Finding::code, Finding::path).contains(
                org.assertj.core.groups.Tuple.tuple("CEB-F015", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryList[1]/ceb:gcode"),
                org.assertj.core.groups.Tuple.tuple("CEB-F015", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryList[2]/ceb:gcode"),
                org.assertj.core.groups.Tuple.tuple("CEB-F016", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:packNo"));
        assertThat(report.errors()).filteredOn(f -> f.code().equals("CEB-F015")).first()
                .satisfies(f -> assertThat(f.messageZh()).contains("10 位数字").contains("64041100AB"));

        CebMessage waybill = examples.create(MessageType.CEB505);
        waybill.businessRecords().get(0).set("packNo", "-2");
        assertThat(validator.validate(waybill).errors()).extracting(Finding::code).contains("CEB-F016");

        CebMessage cancel = examples.create(MessageType.CEB605);
        cancel.businessRecords().get(0).set("invtNo", "29282026I000000123"); // an import list number in an export message
        assertThat(validator.validate(cancel).errors()).extracting(Finding::code).containsExactly("CEB-B008");
    }

    @Test
    void controlCharactersAreRefused() {
        CebMessage m = list("9710");
        head(m).set("ebcName", "杭州\u0001示例");
        assertThat(validator.validate(m).errors()).extracting(Finding::code).containsExactly("CEB-F014");
    }

    @Test
    void aListSaysWhatTheSpecAndTheB2bRulesForbidAboutItself() {
        CebMessage m = list("9710");
        for (int i = 0; i < 3; i++) {
            item(m, i).set("currency", "142").set("price", "1000").set("totalPrice", String.valueOf(1000 * Integer.parseInt(item(m, i).get("qty"))));
        }
        head(m).set("licenseNo", "20-AB-123456").set("country", "142");
        item(m, 0).set("qty1", "1");
        assertThat(validator.validate(m).findings()).extracting(Finding::code).contains("CEB-B009", "CEB-B010", "CEB-R015", "CEB-R016");
        assertThat(validator.validate(m).findings()).filteredOn(f -> f.code().startsWith("CEB-B009") || f.code().equals("CEB-R016"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(validator.validate(list("9610")).findings()).extracting(Finding::code).doesNotContain("CEB-B009", "CEB-B010", "CEB-R015", "CEB-R016");
    }
}

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
        CebMessage order = examples.create(MessageType.CEB303, new ExampleOptions("9810", null, 1));
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
    void invtNoStructureAndGuidCaseAreWarnings() {
        CebMessage cancel = examples.create(MessageType.CEB605);
        cancel.businessRecords().get(0).set("invtNo", "12345").set("guid", "abcdefab-1234-1234-1234-abcdefabcdef");
        ValidationReport report = validator.validate(cancel);
        assertThat(report.valid()).isTrue();
        assertThat(report.findings()).extracting(Finding::code).contains("CEB-B003", "CEB-F009", "CEB-F010");
    }

    @Test
    void controlCharactersAreRefused() {
        CebMessage m = list("9710");
        head(m).set("ebcName", "杭州\u0001示例");
        assertThat(validator.validate(m).errors()).extracting(Finding::code).containsExactly("CEB-F014");
    }
}

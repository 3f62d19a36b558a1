package io.cebgw.core.validation;

import io.cebgw.core.example.ExampleFactory;
import io.cebgw.core.example.ExampleOptions;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.finding.Severity;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule book across documents, one realistic declarant mistake per rule: the finding's code, severity, the path of
 * both ends (the other end after the file's name), and no finding at all for the example flows.
 */
class CrossDocumentRulesTest {
    private static final List<MessageType> FLOW = List.of(MessageType.CEB303, MessageType.CEB505, MessageType.CEB603,
            MessageType.CEB607, MessageType.CEB507, MessageType.CEB509);
    private final ExampleFactory examples = new ExampleFactory();
    private final CrossDocumentRules rules = new CrossDocumentRules();
    private final Map<MessageType, CebMessage> flow = new EnumMap<>(MessageType.class);

    @BeforeEach
    void exampleFlow() {
        for (MessageType type : FLOW) {
            flow.put(type, examples.create(type, new ExampleOptions("9710", null, 2)));
        }
    }

    private Node head(MessageType type) {
        return flow.get(type).businessRecords().get(0).head();
    }

    private Node line(MessageType type, int i) {
        Node record = flow.get(type).businessRecords().get(0);
        return new Declared(type, null, "", record).lines().get(i);
    }

    /** The findings of one file of the flow, the files named after their type. */
    private List<Finding> findingsOf(MessageType type, MessageType... given) {
        List<CebMessage> messages = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (MessageType t : given.length == 0 ? FLOW.toArray(MessageType[]::new) : given) {
            messages.add(flow.get(t));
            sources.add(t.rootName() + ".xml");
        }
        return rules.checkEach(messages, sources).get(messages.indexOf(flow.get(type)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9710", "9810", "9610"})
    void theExampleFlowsFitTogether(String tradeMode) {
        List<CebMessage> messages = FLOW.stream().map(t -> examples.create(t, new ExampleOptions(tradeMode, null, 3))).toList();
        assertThat(rules.check(messages)).isEmpty();
        List<CebMessage> withSummary = new ArrayList<>(messages);
        withSummary.add(examples.create(MessageType.CEB701, new ExampleOptions(tradeMode, null, 3)));
        withSummary.add(examples.create(MessageType.CEB605, new ExampleOptions(tradeMode, null, 3)));
        assertThat(rules.check(withSummary)).filteredOn(Finding::isError).isEmpty();
    }

    @Test
    void aListWhoseOrderIsNotAmongTheGivenFilesIsAnError() {
        head(MessageType.CEB603).set("orderNo", "B2B209912319999");
        assertThat(findingsOf(MessageType.CEB603)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CEB-D001");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.path()).isEqualTo("/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:orderNo");
            assertThat(f.messageZh()).contains("B2B209912319999").contains("一同校验");
            assertThat(f.messageEn()).contains("B2B209912319999");
        });
    }

    @Test
    void aListWhoseWaybillIsNotAmongTheGivenFilesIsAnError() {
        head(MessageType.CEB603).set("logisticsNo", "YT2099123100009");
        assertThat(findingsOf(MessageType.CEB603, MessageType.CEB303, MessageType.CEB505, MessageType.CEB603))
                .extracting(Finding::code).containsExactly("CEB-D002");
    }

    @Test
    void withoutAnyOrderGivenAListIsNotAskedForOne() {
        assertThat(findingsOf(MessageType.CEB603, MessageType.CEB505, MessageType.CEB603)).isEmpty();
    }

    @Test
    void orderTypeAndTradeModeMustGoTogether() {
        head(MessageType.CEB303).set("orderType", "W");
        assertThat(findingsOf(MessageType.CEB603)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CEB-B004");
            assertThat(f.linkedPath()).isEqualTo("CEB303Message.xml:/ceb:CEB303Message/ceb:Order[1]/ceb:OrderHead/ceb:orderType");
        });
    }

    @Test
    void theEnterprisesOfOrderWaybillAndListMustAgree() {
        head(MessageType.CEB303).set("ebcCode", "3301960000");
        head(MessageType.CEB505).set("logisticsCode", "3101980000");
        assertThat(findingsOf(MessageType.CEB603)).extracting(Finding::code, Finding::linkedPath).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("CEB-B006", "CEB303Message.xml:/ceb:CEB303Message/ceb:Order[1]/ceb:OrderHead/ceb:ebcCode"),
                org.assertj.core.groups.Tuple.tuple("CEB-B006", "CEB505Message.xml:/ceb:CEB505Message/ceb:Logistics[1]/ceb:logisticsCode"));
    }

    @Test
    void aLineTotalUnlikeTheOrdersIsAnErrorAtBothEnds() {
        line(MessageType.CEB303, 0).set("price", "13.60").set("totalPrice", "816.00");
        head(MessageType.CEB303).set("goodsValue", "2556.00");
        assertThat(findingsOf(MessageType.CEB603)).filteredOn(f -> f.code().equals("CEB-D012"))
                .extracting(Finding::path, Finding::linkedPath).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryList[1]/ceb:price",
                                "CEB303Message.xml:/ceb:CEB303Message/ceb:Order[1]/ceb:OrderList[1]/ceb:price"),
                        org.assertj.core.groups.Tuple.tuple("/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryList[1]/ceb:totalPrice",
                                "CEB303Message.xml:/ceb:CEB303Message/ceb:Order[1]/ceb:OrderList[1]/ceb:totalPrice"));
    }

    @Test
    void quantityUnitAndCurrencyAreComparedLineByLine() {
        line(MessageType.CEB303, 1).set("unit", "011").set("currency", "142");
        line(MessageType.CEB303, 0).set("qty", "60.000");   // the same quantity written otherwise is no difference
        assertThat(findingsOf(MessageType.CEB603)).extracting(Finding::code, Finding::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("CEB-D012", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryList[2]/ceb:unit"),
                org.assertj.core.groups.Tuple.tuple("CEB-D012", "/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryList[2]/ceb:currency"));
    }

    @Test
    void aListWithALineTheOrderDoesNotHaveIsAnError() {
        Node order = flow.get(MessageType.CEB303).businessRecords().get(0);
        CebMessage oneLine = examples.create(MessageType.CEB303, new ExampleOptions("9710", null, 1));
        flow.put(MessageType.CEB303, oneLine);
        assertThat(order).isNotNull();
        assertThat(findingsOf(MessageType.CEB603)).extracting(Finding::code).contains("CEB-D010");
        assertThat(findingsOf(MessageType.CEB603)).filteredOn(f -> f.code().equals("CEB-D010")).allSatisfy(f -> assertThat(f.isError()).isTrue());
    }

    @Test
    void anOrderLineMissingFromTheListIsAWarning() {
        flow.put(MessageType.CEB603, examples.create(MessageType.CEB603, new ExampleOptions("9710", null, 1)));
        assertThat(findingsOf(MessageType.CEB603, MessageType.CEB303, MessageType.CEB603)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CEB-D011");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.linkedPath()).endsWith("/ceb:OrderList[2]/ceb:gnum");
        });
    }

    @Test
    void packagesAndWeightUnlikeTheWaybillsAreWarnings() {
        head(MessageType.CEB505).set("packNo", "11").set("grossWeight", "150");
        assertThat(findingsOf(MessageType.CEB603)).extracting(Finding::code, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CEB-D014", Severity.WARNING), org.assertj.core.groups.Tuple.tuple("CEB-D014", Severity.WARNING));
    }

    @Test
    void aBillArrivalOrDepartureNamingAnUndeclaredWaybillIsAnError() {
        for (MessageType type : List.of(MessageType.CEB607, MessageType.CEB507, MessageType.CEB509)) {
            line(type, 0).set("logisticsNo", "YT2026120200002");
            assertThat(findingsOf(type)).as(type.name()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("CEB-D003");
                assertThat(f.path()).endsWith("List[1]/ceb:logisticsNo");
                assertThat(f.messageZh()).contains("YT2026120200002").contains(type.zh());
            });
        }
    }

    @Test
    void aBillWithAnotherCarrierOrBillNumberThanItsListsIsAnError() {
        head(MessageType.CEB607).set("billNo", "99912345686");
        head(MessageType.CEB507).set("logisticsCode", "3101980000");
        assertThat(findingsOf(MessageType.CEB607)).extracting(Finding::code, Finding::linkedPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CEB-D020", "CEB603Message.xml:/ceb:CEB603Message/ceb:Inventory[1]/ceb:InventoryHead/ceb:billNo"));
        assertThat(findingsOf(MessageType.CEB507)).extracting(Finding::code).containsExactly("CEB-D020");
    }

    @Test
    void aBillsGrossWeightIsTheTotalOfItsLists() {
        head(MessageType.CEB607).set("grossWeight", "160");
        assertThat(findingsOf(MessageType.CEB607)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CEB-D021");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void aSecondNewOrderWithTheSameNumberOrASecondListForOneOrderIsAnError() {
        List<CebMessage> twice = List.of(flow.get(MessageType.CEB303), examples.create(MessageType.CEB303, new ExampleOptions("9710", null, 2)),
                flow.get(MessageType.CEB603), examples.create(MessageType.CEB603, new ExampleOptions("9710", null, 2)));
        List<List<Finding>> each = rules.checkEach(twice, List.of("a.xml", "b.xml", "c.xml", "d.xml"));
        assertThat(each.get(1)).extracting(Finding::code).containsExactly("CEB-D030");
        assertThat(each.get(1).get(0).linkedPath()).startsWith("a.xml:");
        assertThat(each.get(3)).extracting(Finding::code).containsExactly("CEB-D031");
        head(MessageType.CEB303).set("appType", "2");   // a change names the existing order on purpose
        assertThat(rules.checkEach(twice, List.of("a.xml", "b.xml", "c.xml", "d.xml")).get(0)).isEmpty();
    }

    @Test
    void aCancellationOrSummaryOfAnUnknownListIsAnErrorWhenListNumbersAreGiven() {
        head(MessageType.CEB603).set("invtNo", "29282026E000123456");
        CebMessage cancel = examples.create(MessageType.CEB605);
        cancel.businessRecords().get(0).head().set("invtNo", "29282026E000999999");
        CebMessage summary = examples.create(MessageType.CEB701);
        List<List<Finding>> each = rules.checkEach(List.of(flow.get(MessageType.CEB603), cancel, summary), List.of("l.xml", "c.xml", "s.xml"));
        assertThat(each.get(1)).extracting(Finding::code).containsExactly("CEB-D004");
        assertThat(each.get(2)).extracting(Finding::code).containsExactly("CEB-D022");   // the 9710 list is found, and B2B is not summarised
    }

    @Test
    void aFileThatLinksToNoneOfTheOthersIsNamed() {
        head(MessageType.CEB505).set("logisticsNo", "SF1234567890");
        head(MessageType.CEB603).set("logisticsNo", "SF1234567890");
        CebMessage stray = examples.create(MessageType.CEB303);
        stray.businessRecords().get(0).head().set("orderNo", "B2B-STRAY-1");
        List<List<Finding>> each = rules.checkEach(List.of(flow.get(MessageType.CEB505), stray), List.of("w.xml", "o.xml"));
        assertThat(each.get(1)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CEB-D005");
            assertThat(f.messageZh()).contains("orderNo “B2B-STRAY-1”");
        });
    }

    @Test
    void anItemNumberOrNameUnlikeTheOrdersIsAWarning() {
        line(MessageType.CEB303, 1).set("itemNo", "SKU-OTHER");
        assertThat(findingsOf(MessageType.CEB603)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CEB-D013");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.path()).endsWith("/ceb:InventoryList[2]/ceb:itemNo");
        });
    }

    @Test
    void aMessageNamesEachWaybillOrListOnceAndASummaryHasAScope() {
        MessageValidator validator = new MessageValidator();
        Node bill = flow.get(MessageType.CEB607).businessRecords().get(0);
        bill.add("WayBillList").set("gnum", "2").set("logisticsNo", line(MessageType.CEB607, 0).get("logisticsNo"));
        assertThat(validator.validate(flow.get(MessageType.CEB607)).errors()).extracting(Finding::code, Finding::path).contains(
                org.assertj.core.groups.Tuple.tuple("CEB-R012", "/ceb:CEB607Message/ceb:WayBill[1]/ceb:WayBillList[2]/ceb:logisticsNo"));

        CebMessage summary = examples.create(MessageType.CEB701);
        Node head = summary.businessRecords().get(0).head();
        head.set("startTime", "20261201000000").set("endTime", "20261202000000");
        assertThat(validator.validate(summary).findings()).extracting(Finding::code).contains("CEB-R014");
        summary.businessRecords().get(0).clear("SummaryApplyList");
        head.set("startTime", null).set("endTime", null);
        assertThat(validator.validate(summary).errors()).extracting(Finding::code).contains("CEB-R013");
    }
}

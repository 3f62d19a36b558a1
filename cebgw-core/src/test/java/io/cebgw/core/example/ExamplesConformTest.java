package io.cebgw.core.example;

import io.cebgw.core.codec.CebReader;
import io.cebgw.core.codec.CebWriter;
import io.cebgw.core.codec.ReadResult;
import io.cebgw.core.envelope.DxpMsg;
import io.cebgw.core.envelope.DxpRep;
import io.cebgw.core.envelope.EnvelopeWriter;
import io.cebgw.core.envelope.TransInfo;
import io.cebgw.core.envelope.Wrapping;
import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import io.cebgw.core.testing.SharedSpec;
import io.cebgw.core.finding.Finding;
import io.cebgw.core.validation.MessageValidator;
import io.cebgw.core.validation.ValidationReport;
import io.cebgw.core.validation.XsdCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example message, in every trade-mode flavour, is valid against the official XSD and our own rules. */
class ExamplesConformTest {
    private final ExampleFactory examples = new ExampleFactory();

    static Stream<Arguments> everyTypeAndTradeMode() {
        List<Arguments> out = new ArrayList<>();
        for (String mode : List.of("9710", "9810", "9610", "1210")) {
            for (MessageType type : MessageType.values()) {
                out.add(Arguments.of(type, mode));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTypeAndTradeMode")
    void exampleIsValidAgainstOfficialXsdAndRules(MessageType type, String tradeMode) throws Exception {
        CebMessage message = examples.create(type, new ExampleOptions(tradeMode, null, 3));
        byte[] xml = new CebWriter().write(message);

        List<Finding> xsd = new XsdCheck(SharedSpec.xsd202205()).check(xml, XsdCheck.schemaFor(type));
        assertThat(xsd).as("official XSD findings").isEmpty();

        ReadResult read = new CebReader().read(xml);
        ValidationReport report = new MessageValidator().validate(read);
        assertThat(report.errors()).as("rule errors").isEmpty();
        assertThat(read.message().type()).isEqualTo(type);
    }

    /**
     * The single-type examples of one trade mode fit together: the 总分单, arrival and departure name the waybill and the
     * list number the examples use, each once, and the documents cross-check without an error.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"9710", "9810"})
    void theSingleTypeExamplesAgreeWithEachOther(String tradeMode) {
        ExampleOptions options = new ExampleOptions(tradeMode, null, 3);
        List<CebMessage> flow = new ArrayList<>();
        for (MessageType type : List.of(MessageType.CEB303, MessageType.CEB505, MessageType.CEB603, MessageType.CEB607,
                MessageType.CEB507, MessageType.CEB509)) {
            flow.add(examples.create(type, options));
        }
        String waybill = flow.get(1).businessRecords().get(0).get("logisticsNo");
        java.util.Map<MessageType, String> lines = java.util.Map.of(MessageType.CEB607, "WayBillList", MessageType.CEB507, "ArrivalList",
                MessageType.CEB509, "DepartureList");
        for (CebMessage m : flow.subList(3, 6)) {
            List<String> named = new ArrayList<>();
            m.businessRecords().get(0).children(lines.get(m.type())).forEach(line -> named.add(line.get("logisticsNo")));
            assertThat(named).as(m.type() + " names the example's waybill, once").containsExactly(waybill);
        }
        assertThat(new io.cebgw.core.validation.CrossDocumentRules().check(flow)).filteredOn(Finding::isError).isEmpty();
        CebMessage summary = examples.create(MessageType.CEB701, options);
        List<String> lists = new ArrayList<>();
        summary.businessRecords().get(0).children("SummaryApplyList").forEach(l -> lists.add(l.get("invtNo")));
        assertThat(lists).as("a summary names each list once").doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void b2bFlavoursCarryTheirOrderTypeAndTradeMode() throws Exception {
        CebMessage booking = examples.create(MessageType.CEB303, new ExampleOptions("9810", null, 1));
        assertThat(booking.businessRecords().get(0).child("OrderHead").get("orderType")).isEqualTo("W");
        CebMessage list = examples.create(MessageType.CEB603, new ExampleOptions(null, "B", 1));
        assertThat(list.businessRecords().get(0).child("InventoryHead").get("tradeMode")).isEqualTo("9710");
    }

    @Test
    void envelopesAroundExamplesAreValidAgainstOfficialXsd() {
        XsdCheck xsd = new XsdCheck(SharedSpec.xsd202205());
        byte[] business = new CebWriter().write(examples.create(MessageType.CEB603));
        Wrapping wrapping = new Wrapping();
        DxpMsg msg = wrapping.dxpMsg(business, "CEB603Message", "DXPENT0000012345", List.of(DxpMsg.EXPORT_RECEIVER), null);
        EnvelopeWriter writer = new EnvelopeWriter();
        assertThat(xsd.check(writer.write(msg), XsdCheck.TERMINAL)).isEmpty();
        assertThat(xsd.check(writer.write(wrapping.dxpMsgSv(msg, "00000002", "46000002")), XsdCheck.TRANSFER)).isEmpty();
        DxpRep rep = new DxpRep("DXPENT0000012345", null, List.of(new DxpRep.Response("00000002", "2001", "指定的接收方不存在",
                List.of(new DxpRep.Result("DXPEDCCEB0000009", "2001", "unknown receiver", null)), "2026-11-27", null,
                new TransInfo("ID-1", "DXPENT0000012345", List.of("DXPEDCCEB0000009"), "2026-11-27T10:00:00", "CEB603Message"))));
        assertThat(xsd.check(writer.write(rep), XsdCheck.TERMINAL)).isEmpty();
    }
}

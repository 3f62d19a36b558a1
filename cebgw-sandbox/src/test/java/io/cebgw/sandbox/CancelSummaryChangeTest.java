package io.cebgw.sandbox;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.cebgw.sandbox.GatewaySide.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancels before release, summaries of released lists (CEB702 and a CEB792), modify and delete where allowed. */
class CancelSummaryChangeTest {
    @TempDir
    Path dir;
    SandboxHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SandboxHarness(dir, true);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private String invtNoOf(String copNo) throws InterruptedException {
        return h.gateway.await(receipt("CEB604Message", "399", "copNo", copNo), SandboxHarness.WAIT).fields().get("invtNo");
    }

    @Test
    void cancelBeforeReleaseAndNotAfter() throws Exception {
        List<CebMessage> flow = FlowDocuments.flow("9710", "C1-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        for (CebMessage m : flow.subList(0, 3)) { // order, waybill, list: the list waits at 399 for its goods
            h.gateway.send(m);
        }
        String copNo = flow.get(2).businessRecords().get(0).child("InventoryHead").get("copNo");
        String invtNo = invtNoOf(copNo);
        CebMessage cancel = FlowDocuments.document(MessageType.CEB605, "9710", "C1-", SandboxHarness.DXP_ID);
        cancel.businessRecords().get(0).set("invtNo", invtNo);
        h.gateway.send(cancel);
        String cancelCopNo = cancel.businessRecords().get(0).get("copNo");
        assertThat(h.gateway.await(receipt("CEB606Message", "399", "copNo", cancelCopNo), SandboxHarness.WAIT)).isNotNull();

        CebMessage again = FlowDocuments.document(MessageType.CEB605, "9710", "C2-", SandboxHarness.DXP_ID);
        again.businessRecords().get(0).set("invtNo", "29282026E999999999");
        h.gateway.send(again);
        GatewaySide.Answer refused = h.gateway.await(receipt("CEB606Message", "100", "copNo", again.businessRecords().get(0).get("copNo")),
                SandboxHarness.WAIT);
        assertThat(refused.fields().get("returnInfo")).contains("CEB-D004").contains("没有对应的申报清单");
        for (CebMessage m : flow.subList(3, 6)) {
            h.gateway.send(m);
        }
        Thread.sleep(300);
        assertThat(h.gateway.answers()).noneMatch(a -> "CEB604Message".equals(a.type()) && "800".equals(a.status()));
        assertThat(h.assertReceivedConformToXsd()).as("CEB606 included").isGreaterThan(5);
    }

    @Test
    void summaryOfReleasedListsGetsAResult() throws Exception {
        List<CebMessage> flow = FlowDocuments.flow("9610", "S1-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        for (CebMessage m : flow) {
            h.gateway.send(m);
        }
        String copNo = flow.get(2).businessRecords().get(0).child("InventoryHead").get("copNo");
        String invtNo = h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT).fields().get("invtNo");
        CebMessage summary = FlowDocuments.document(MessageType.CEB701, "9610", "S1-", SandboxHarness.DXP_ID);
        Node record = summary.businessRecords().get(0);
        record.clear("SummaryApplyList");
        record.add("SummaryApplyList").set("invtNo", invtNo);
        h.gateway.send(summary);
        String summaryCopNo = record.child("SummaryApplyHead").get("copNo");
        assertThat(h.gateway.await(receipt("CEB702Message", "399", "copNo", summaryCopNo), SandboxHarness.WAIT)).as("%s", h.gateway.answers().stream().filter(a -> !"receipt".equals(a.kind()) || a.type().contains("702")).toList()).isNotNull();
        GatewaySide.Answer result = h.gateway.await(a -> "CEB792Message".equals(a.type()), SandboxHarness.WAIT);
        assertThat(result).as("%s", h.gateway.answers().stream().map(a -> a.kind() + " " + a.type() + " " + a.status()).toList()).isNotNull();
        assertThat(result.fields().get("sumNo")).hasSize(18).startsWith("S");

        CebMessage early = FlowDocuments.document(MessageType.CEB701, "9610", "S2-", SandboxHarness.DXP_ID);
        early.businessRecords().get(0).clear("SummaryApplyList");
        early.businessRecords().get(0).add("SummaryApplyList").set("invtNo", "29282026E888888888");
        h.gateway.send(early);
        assertThat(h.gateway.await(receipt("CEB702Message", "100", "copNo",
                early.businessRecords().get(0).child("SummaryApplyHead").get("copNo")), SandboxHarness.WAIT)).isNotNull();
        assertThat(h.assertReceivedConformToXsd()).as("CEB702 and CEB792 included").isGreaterThan(10);
    }

    @Test
    void modifyAndDeleteOnlyWhereAllowed() throws Exception {
        CebMessage order = FlowDocuments.document(MessageType.CEB303, "9710", "M1-", SandboxHarness.DXP_ID);
        Node head = order.businessRecords().get(0).child("OrderHead");
        String orderNo = head.get("orderNo");
        head.set("appStatus", "1"); // 暂存 first: no signature needed, status 1
        h.gateway.send(order);
        assertThat(h.gateway.await(receipt("CEB304Message", "1", "orderNo", orderNo), SandboxHarness.WAIT)).isNotNull();
        head.set("appStatus", "2").set("appType", "2").set("guid", CebMessage.newGuid());
        h.gateway.send(order);
        GatewaySide.Answer modified = h.gateway.await(receipt("CEB304Message", "2", "orderNo", orderNo), SandboxHarness.WAIT);
        assertThat(modified.fields().get("returnInfo")).startsWith("修改申报成功");
        assertThat(h.gateway.await(receipt("CEB304Message", "120", "orderNo", orderNo), SandboxHarness.WAIT)).isNotNull();

        CebMessage unknown = FlowDocuments.document(MessageType.CEB303, "9710", "M2-", SandboxHarness.DXP_ID);
        unknown.businessRecords().get(0).child("OrderHead").set("appType", "3");
        h.gateway.send(unknown);
        GatewaySide.Answer refused = h.gateway.await(receipt("CEB304Message", "-301009", "orderNo",
                unknown.businessRecords().get(0).child("OrderHead").get("orderNo")), SandboxHarness.WAIT);
        assertThat(refused.fields().get("returnInfo")).contains("未找到操作的订单");

        List<CebMessage> flow = FlowDocuments.flow("9710", "M3-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        for (CebMessage m : flow.subList(0, 3)) {
            h.gateway.send(m);
        }
        Node list = flow.get(2).businessRecords().get(0).child("InventoryHead");
        invtNoOf(list.get("copNo"));
        list.set("appType", "2").set("guid", CebMessage.newGuid());
        h.gateway.send(flow.get(2));
        GatewaySide.Answer late = h.gateway.await(receipt("CEB604Message", "100", "copNo", list.get("copNo")), SandboxHarness.WAIT);
        assertThat(late.fields().get("returnInfo")).contains("已审结");
    }
}

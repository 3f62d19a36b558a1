package io.cebgw.sandbox;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.spec.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static io.cebgw.sandbox.GatewaySide.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** Valid signed 9710 and 9810 flows through the folder transport reach their final statuses with the right receipts. */
class SandboxFlowTest {
    @TempDir
    Path dir;
    SandboxHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SandboxHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9710", "9810"})
    void wholeFlowReachesFinalStatuses(String tradeMode) throws Exception {
        List<CebMessage> flow = FlowDocuments.flow(tradeMode, "F" + tradeMode + "-", SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        for (CebMessage m : flow) {
            h.gateway.send(m);
        }
        String copNo = flow.get(2).businessRecords().get(0).child("InventoryHead").get("copNo");
        String orderNo = flow.get(0).businessRecords().get(0).child("OrderHead").get("orderNo");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT))
                .as("the list reaches 899 结关; answers so far: %s", h.gateway.answers()).isNotNull();
        assertThat(h.gateway.await(receipt("CEB304Message", "120", "orderNo", orderNo), SandboxHarness.WAIT)).isNotNull();
        assertThat(h.gateway.await(a -> "CEB510Message".equals(a.type()) && "399".equals(a.status()), SandboxHarness.WAIT)).isNotNull();

        List<String> listStatuses = h.gateway.answers().stream().filter(a -> "CEB604Message".equals(a.type()))
                .map(GatewaySide.Answer::status).toList();
        assertThat(listStatuses).containsExactly("2", "120", "399", "800", "899");
        List<String> times = h.gateway.answers().stream().filter(a -> "CEB604Message".equals(a.type()))
                .map(a -> a.fields().get("returnTime")).toList();
        assertThat(times).isSorted();
        String receiptTypes = h.gateway.answers().stream().map(GatewaySide.Answer::type).distinct().sorted().collect(Collectors.joining(","));
        assertThat(receiptTypes).isEqualTo("CEB304Message,CEB506Message,CEB508Message,CEB510Message,CEB604Message,CEB608Message");
        assertThat(h.gateway.answers()).allMatch(a -> "receipt".equals(a.kind()));
        if ("9810".equals(tradeMode)) {
            assertThat(orderNo).contains("OWB");
        }
        assertThat(h.sandbox.ledger().documents()).allMatch(Document::finished);
    }
}

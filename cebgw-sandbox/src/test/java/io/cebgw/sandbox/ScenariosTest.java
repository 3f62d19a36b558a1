package io.cebgw.sandbox;

import io.cebgw.core.model.CebMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.cebgw.sandbox.GatewaySide.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario of the SBX- convention (docs/sandbox.md) does what it promises. */
class ScenariosTest {
    @TempDir
    Path dir;
    SandboxHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SandboxHarness(dir, false);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Sends a whole 9710 flow tagged with the scenario; returns the declaration list's copNo. */
    private String flow(String tag) throws Exception {
        List<CebMessage> flow = FlowDocuments.flow("9710", tag, SandboxHarness.CUSTOMS_CODE, SandboxHarness.DXP_ID);
        for (CebMessage m : flow) {
            h.gateway.send(m);
        }
        return flow.get(2).businessRecords().get(0).child("InventoryHead").get("copNo");
    }

    private List<String> listStatuses(String copNo) {
        return h.gateway.answers().stream().filter(a -> "CEB604Message".equals(a.type()) && copNo.equals(a.fields().get("copNo")))
                .map(GatewaySide.Answer::status).toList();
    }

    @Test
    void reject() throws Exception {
        String copNo = flow("SBX-REJECT-");
        GatewaySide.Answer rejected = h.gateway.await(receipt("CEB604Message", "100", "copNo", copNo), SandboxHarness.WAIT);
        assertThat(rejected.fields().get("returnInfo")).contains("SBX-REJECT");
        assertThat(listStatuses(copNo)).containsExactly("2", "100");
    }

    @Test
    void manualReview() throws Exception {
        String copNo = flow("SBX-MANUAL-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT)).isNotNull();
        assertThat(listStatuses(copNo)).containsExactly("2", "120", "300", "399", "800", "899");
    }

    @Test
    void inspection() throws Exception {
        String copNo = flow("SBX-INSPECT-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT)).isNotNull();
        assertThat(listStatuses(copNo)).containsExactly("2", "120", "399", "500", "800", "899");
    }

    @Test
    void slowReceiptsComeLater() throws Exception {
        String fast = flow("QUICK-");
        String slow = flow("SBX-SLOW-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", fast), SandboxHarness.WAIT)).isNotNull();
        assertThat(listStatuses(slow)).as("the slow list is still on its way when the quick one is closed").doesNotContain("899");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", slow), SandboxHarness.WAIT)).isNotNull();
    }

    @Test
    void silentDocumentGetsOnlyItsFirstReceipt() throws Exception {
        String copNo = flow("SBX-SILENT-");
        String other = flow("OTHER-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", other), SandboxHarness.WAIT)).isNotNull();
        Thread.sleep(200);
        assertThat(listStatuses(copNo)).containsExactly("2");
    }

    @Test
    void duplicateReceipts() throws Exception {
        String copNo = flow("SBX-DUPLICATE-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT)).isNotNull();
        Thread.sleep(50);
        assertThat(listStatuses(copNo)).containsExactly("2", "2", "120", "120", "399", "399", "800", "800", "899", "899");
    }

    @Test
    void receiptsOutOfOrderKeepTheirReturnTimeOrder() throws Exception {
        String copNo = flow("SBX-DISORDER-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT)).isNotNull();
        List<GatewaySide.Answer> answers = h.gateway.answers().stream()
                .filter(a -> "CEB604Message".equals(a.type()) && copNo.equals(a.fields().get("copNo"))).toList();
        assertThat(answers).extracting(GatewaySide.Answer::status).startsWith("120", "2");
        assertThat(answers.get(0).fields().get("returnTime")).isGreaterThan(answers.get(1).fields().get("returnTime"));
    }

    @Test
    void garbledReceipt() throws Exception {
        String copNo = flow("SBX-GARBLED-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT)).isNotNull();
        assertThat(h.gateway.await(a -> "unreadable".equals(a.kind()), Duration.ofSeconds(5))).as("a garbled envelope came").isNotNull();
        assertThat(listStatuses(copNo)).containsExactly("2", "120", "399", "800", "899");
    }

    @Test
    void adminInjectsAnyReceipt() throws Exception {
        String copNo = flow("INJ-");
        assertThat(h.gateway.await(receipt("CEB604Message", "899", "copNo", copNo), SandboxHarness.WAIT)).isNotNull();
        assertThat(h.sandbox.inject("CEB603", copNo, "501", "扣留移送通关（注入）")).isTrue();
        GatewaySide.Answer injected = h.gateway.await(receipt("CEB604Message", "501", "copNo", copNo), SandboxHarness.WAIT);
        assertThat(injected.fields().get("returnInfo")).contains("注入");
        assertThat(h.sandbox.inject("CEB603", "NO-SUCH-NUMBER", "800", "x")).isFalse();
    }
}

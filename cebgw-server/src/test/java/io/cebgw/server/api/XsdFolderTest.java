package io.cebgw.server.api;

import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.crypto.SignatureSuite;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code cebgw.xsd-folder} set to the official XSDs, documents are checked against them too: a whole flow still goes through. */
class XsdFolderTest extends GatewayTestBase {
    @DynamicPropertySource
    static void xsd(DynamicPropertyRegistry r) {
        r.add("cebgw.xsd-folder", () -> Path.of("..", "..", "shared", "ceb-spec", "202205", "xsd").toAbsolutePath().normalize().toString());
    }

    @Test
    void aWholeFlowPassesTheOfficialSchemas() throws Exception {
        EnterpriseService.Registered e = enterprises.register("XSD", "3301964ABC", "DXPENT0000077701", "EBC,AGENT", profile(SignatureSuite.SM2_SM3, "xsd"));
        List<String> ids = declare(e.apiKey(), FlowDocuments.flow("9710", "XSD-", "3301964ABC", e.enterprise().dxpId()));
        assertThat(awaitFinal(e.apiKey(), ids, Duration.ofSeconds(60))).hasSize(ids.size());
    }
}

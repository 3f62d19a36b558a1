package io.cebgw.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.WebUsers;
import io.cebgw.server.store.Archive;
import io.cebgw.server.store.ArchiveRetention;
import io.cebgw.server.web.FormSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document whose receipts retention has exported: the API says so ({@code receiptsExported}) and the document page
 * tells the declarant where they went instead of "no receipt yet"; {@code Archive.exportedReceipts} finds them in the
 * file. A context of its own: the export takes every final document's receipts out of its database.
 */
class RetainedDocumentTest extends GatewayTestBase {
    @Autowired
    ArchiveRetention retention;
    @Autowired
    Archive archive;
    @Autowired
    WebUsers users;

    @DynamicPropertySource
    static void exports(DynamicPropertyRegistry r) {
        r.add("cebgw.archive.export-folder", () -> DIR.resolve("retained-exports").toString());
    }

    @Test
    void aDocumentWhoseReceiptsWereExportedSaysWhereTheyAre() throws Exception {
        EnterpriseService.Registered e = enterprises.register("保留企业", "3301964ABC", "DXPENT0000067701", "EBC,AGENT",
                profile(SignatureSuite.SM2_SM3, "retained"));
        String id = declare(e.apiKey(), List.of(FlowDocuments.document(MessageType.CEB303, "9710", "KEEP-", e.enterprise().dxpId()))).get(0);
        JsonNode before = awaitFinal(e.apiKey(), List.of(id), Duration.ofSeconds(30)).get(0);
        assertThat(before.path("final").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.path("receipts")).isNotEmpty();
        assertThat(before.path("receiptsExported").asBoolean()).isFalse();

        assertThat(retention.exportBefore(Instant.now().plusSeconds(1)).receiptsRemoved()).isPositive();

        JsonNode after = JSON.readTree(call("GET", "/api/v1/documents/" + id, e.apiKey(), null, null).body());
        assertThat(after.path("receipts")).isEmpty();
        assertThat(after.path("receiptsExported").asBoolean()).isTrue();
        assertThat(after.path("transitions")).as("the status changes stay").isNotEmpty();
        assertThat(archive.exportedReceipts(id)).hasSize(before.path("receipts").size())
                .allSatisfy(r -> assertThat(r.place()).startsWith("cebgw-archive-"));

        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "retained", "保留用户");
        String session = FormSignIn.session(port, "retained", user.password());
        HttpResponse<String> page = FormSignIn.get(port, "/documents/" + id + "?enterprise=" + e.enterprise().id(), session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"receipts-exported\"").contains("已超过保留期").contains("./cebgw archive find --id " + id)
                .doesNotContain("还没有回执");
    }
}

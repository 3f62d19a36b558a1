package io.cebgw.server.web;

import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import io.cebgw.server.document.WebUsers;
import io.cebgw.server.store.DocumentRow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages in real headless Chromium (issue 7): sign in, the overview's counts, the document list with filters,
 * a document's receipt timeline to 放行/结关, English on request, and no way to open another enterprise's document by URL.
 */
class WebPagesBrowserIT extends BrowserTestBase {
    @Autowired
    io.cebgw.server.document.ShipmentService shipments;
    @Autowired
    io.cebgw.server.store.EnterpriseStore enterprisesStore;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    io.cebgw.server.access.Audit auditTrail;

    /** An enterprise with a 9710 flow declared and finished; returns its id. */
    private String enterpriseWithFinishedFlow(String name, String dxpId, String prefix) throws Exception {
        EnterpriseService.Registered e = enterprises.register(name, "3301964ABC", dxpId, "EBC,AGENT", profile(prefix));
        for (var message : FlowDocuments.flow("9710", prefix + "-", "3301964ABC", dxpId)) {
            documents.create(e.enterprise().id(), JsonMessages.write(message).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), true,
                    null, true);
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && !store.list(e.enterprise().id(), null, null, 100, 0).stream().allMatch(DocumentRow::finalState)) {
            Thread.sleep(50);
        }
        return e.enterprise().id();
    }

    @Test
    void signInSeeTheOverviewTheListAndATimelineButNeverAnotherEnterprisesDocument() throws Exception {
        String a = enterpriseWithFinishedFlow("浙江甲公司", "DXPENT0000021001", "WA");
        String b = enterpriseWithFinishedFlow("浙江乙公司", "DXPENT0000021002", "WB");
        WebUsers.Created user = users.forEnterprise(a, "alice", "Alice");
        String foreign = store.list(b, null, null, 1, 0).get(0).id();

        browser.get("http://127.0.0.1:" + port + "/documents");
        assertThat(browser.getCurrentUrl()).as("pages need a signed-in user").endsWith("/login");
        signIn("alice", "not-the-password");
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误。");
        Browser.screenshot(browser, "01-login");

        signIn("alice", user.password());
        assertThat(browser.findElement(By.id("acting-enterprise")).getText()).isEqualTo("浙江甲公司");
        assertThat(browser.findElement(By.cssSelector("#status-counts a[data-status='899'] strong")).getText()).isEqualTo("1");
        Browser.screenshot(browser, "02-dashboard");

        browser.findElement(By.id("nav-documents")).click();
        assertThat(browser.findElements(By.cssSelector("#documents tr[data-id]"))).hasSize(6);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-type"))).selectByValue("CEB603Message");
        browser.findElement(By.id("filter-apply")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("type=CEB603Message"));
        assertThat(browser.findElements(By.cssSelector("#documents tr[data-id]"))).hasSize(1);
        Browser.screenshot(browser, "03-documents");

        browser.findElement(By.cssSelector("#documents tr[data-id] a")).click();
        assertThat(browser.findElement(By.id("document-status")).getAttribute("data-status")).isEqualTo("899");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("电子口岸申报中").contains("海关入库").contains("放行").contains("结关");
        Browser.screenshot(browser, "04-document");
        String own = browser.getCurrentUrl();

        browser.findElement(By.id("switch-language")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("lang=en"));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Released").contains("Cleared");
        browser.get("http://127.0.0.1:" + port + "/documents/" + foreign + "?lang=zh_CN");
        assertThat(browser.findElement(By.id("not-found")).getText()).isEqualTo("404");
        assertThat(browser.getPageSource()).doesNotContain("WB-");
        browser.get("http://127.0.0.1:" + port + "/documents/" + foreign + "/signed.xml");
        assertThat(browser.getPageSource()).doesNotContain("WB-").doesNotContain("SignatureValue");
        browser.get("http://127.0.0.1:" + port + "/?enterprise=" + b);
        assertThat(browser.findElement(By.id("not-found")).getText()).as("an enterprise user cannot act for another").isEqualTo("404");

        browser.get(own);
        browser.findElement(By.id("nav-enterprise")).click();
        assertThat(browser.findElements(By.cssSelector("#onboarding li"))).hasSize(5);
        browser.findElement(By.cssSelector("#run-selftest button")).click(); // step 4 from its button
        String report = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(90))
                .until(d -> d.findElements(By.id("selftest-report")).isEmpty() ? null : d.findElement(By.id("selftest-report")).getText());
        assertThat(report).startsWith("传输：").contains("结论：通过");
        assertThat(browser.findElements(By.cssSelector("#onboarding li")).get(3).getAttribute("data-done")).isEqualTo("true");
        Browser.screenshot(browser, "05-enterprise");
        browser.findElement(By.id("logout")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login?logout"));
        browser.get(own);
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void importAnExcelFileWithOneBadRowGetTheReportFixItAndImport() throws Exception {
        EnterpriseService.Registered e = enterprises.register("导入企业", "3301964ABC", "DXPENT0000021009", "EBC,AGENT", profile("wi"));
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "importer", "导入员");
        io.cebgw.server.excel.ImportLayout layout = io.cebgw.server.excel.ImportLayout.of(io.cebgw.core.spec.MessageType.CEB603).orElseThrow();
        List<io.cebgw.core.model.CebMessage> lists = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lists.add(FlowDocuments.document(io.cebgw.core.spec.MessageType.CEB603, "9710", "XL" + i + "-", "DXPENT0000021009"));
        }
        lists.get(7).businessRecords().get(0).children("InventoryList").get(0).set("gname", null);
        Path bad = DIR.resolve("lists-bad.xlsx");
        io.cebgw.server.excel.FilledTemplates.write(layout, lists, bad);

        signIn("importer", user.password());
        browser.findElement(By.id("nav-import")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("import-type"))).selectByValue("CEB603");
        browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("import-upload")).click();
        assertThat(browser.findElement(By.id("import-refused")).getText()).contains("未导入");
        assertThat(browser.findElement(By.id("import-problems")).getText()).contains("9").contains("gname");
        Browser.screenshot(browser, "08-import-errors");
        assertThat(store.list(e.enterprise().id(), null, null, 100, 0)).as("nothing half-imported").isEmpty();

        String cookie = browser.manage().getCookieNamed("CEBGW_SESSION").getValue();
        var report = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/import/report.xlsx")).header("Cookie", "CEBGW_SESSION=" + cookie).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(report.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(report.body()))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).as("the row in the uploaded sheet").isEqualTo(9);
            assertThat(row.getCell(1).getStringCellValue()).contains("gname");
        }

        lists.get(7).businessRecords().get(0).children("InventoryList").get(0).set("gname", "运动鞋");
        Path fixed = DIR.resolve("lists-fixed.xlsx");
        io.cebgw.server.excel.FilledTemplates.write(layout, lists, fixed);
        browser.findElement(By.id("import-file")).sendKeys(fixed.toAbsolutePath().toString());
        browser.findElement(By.id("import-upload")).click();
        assertThat(browser.findElement(By.id("import-done")).getText()).contains("40");
        assertThat(store.list(e.enterprise().id(), null, null, 100, 0)).hasSize(40);
    }

    @Test
    void aShipmentPageShowsEachDocumentAndWhatBlocksTheNext() throws Exception {
        EnterpriseService.Registered e = enterprises.register("货物企业", "3301964ABC", "DXPENT0000021010", "EBC,AGENT", profile("ws"));
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "shipper", "发货员");
        List<io.cebgw.core.model.CebMessage> rejected = FlowDocuments.flow("9710", "WS-", "3301964ABC", "DXPENT0000021010");
        rejected.get(0).businessRecords().get(0).child("OrderHead").set("orderNo", "SBX-REJECT-WS");
        rejected.get(2).businessRecords().get(0).child("InventoryHead").set("orderNo", "SBX-REJECT-WS");
        com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("tradeMode", "9710").put("name", "被退单的货物");
        rejected.forEach(m -> body.withArray("documents").add(JsonMessages.write(m)));
        String id = (String) shipments.create(e.enterprise().id(), body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("id");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && !store.list(e.enterprise().id(), "CEB303Message", null, 1, 0).get(0).finalState()) {
            Thread.sleep(50);
        }
        signIn("shipper", user.password());
        browser.findElement(By.id("nav-shipments")).click();
        browser.findElement(By.cssSelector("#shipments tr[data-id] a")).click();
        assertThat(browser.findElement(By.id("shipment-complete")).getAttribute("data-complete")).isEqualTo("false");
        String list = browser.findElement(By.cssSelector("#shipment-documents tr[data-type='CEB603Message']")).getText();
        assertThat(list).contains("草稿").contains("已被拒");
        assertThat(browser.findElement(By.cssSelector("#shipment-documents tr[data-type='CEB303Message']")).getText()).contains("海关退单");
        assertThat(browser.getCurrentUrl()).contains(id);
        Browser.screenshot(browser, "09-shipment");
    }

    /** An ERP's endpoint set up on the page; the secret shown once; a delivery that failed for good sent again with one click. */
    @Test
    void aWebhookIsSetUpOnThePageAndAFailedDeliverySentAgain() throws Exception {
        EnterpriseService.Registered e = enterprises.register("推送企业", "3301964ABC", "DXPENT0000021011", "EBC,AGENT", profile("wh"));
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "integrator", "对接员");
        try (io.cebgw.server.api.WebhookReceiver rx = new io.cebgw.server.api.WebhookReceiver()) {
            rx.failures.put("/erp", new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE));
            signIn("integrator", user.password());
            browser.findElement(By.id("nav-webhooks")).click();
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("还没有推送订阅");
            browser.findElement(By.name("url")).sendKeys(rx.url("/erp"));
            browser.findElement(By.name("description")).sendKeys("金蝶 ERP");
            click("create-webhook");
            String secret = browser.findElement(By.cssSelector("#webhook-secret code")).getText();
            assertThat(secret).startsWith("whsec_");
            rx.secrets.put("/erp", secret);
            click("ping");
            awaitRow("DEAD");
            assertThat(rx.at("/erp")).hasSize(2).allMatch(r -> r.signatureValid() && r.answered() == 500);
            assertThat(browser.findElement(By.cssSelector("#deliveries tr[data-state='DEAD']")).getText()).contains("HTTP 500");
            assertThat(browser.findElements(By.id("webhook-secret"))).as("the secret is shown once").isEmpty();
            rx.failures.get("/erp").set(0);
            click("replay-dead");
            assertThat(browser.findElement(By.id("webhook-replayed")).getText()).contains("1");
            awaitRow("DELIVERED");
            assertThat(rx.at("/erp")).hasSize(3);
            assertThat(rx.at("/erp").get(2).answered()).isEqualTo(204);
            Browser.screenshot(browser, "13-webhooks");
            browser.findElement(By.cssSelector("#deliveries tr[data-state='DELIVERED'] a")).click();
            assertThat(browser.findElement(By.id("attempts")).getText()).contains("500").contains("204");

            browser.findElement(By.id("nav-enterprise")).click();
            browser.findElement(By.id("acts-for-code")).sendKeys("3101980123");
            browser.findElement(By.id("acts-for-name")).sendKeys("上海示例报关有限公司");
            click("add-acts-for-button");
            assertThat(browser.findElement(By.cssSelector("#acts-for tr[data-code='3101980123']")).getText()).contains("报关代理");
            browser.findElement(By.id("acts-for-code")).sendKeys("12345");
            click("add-acts-for-button");
            assertThat(browser.findElement(By.id("enterprise-error")).getText()).contains("GW-E007");
            assertThat(enterprisesStore.actsFor(e.enterprise().id())).extracting(a -> a.code()).containsExactly("3101980123");

            browser.findElement(By.cssSelector("details summary")).click();
            browser.findElement(By.cssSelector("#edit-enterprise input[name='name']")).clear();
            browser.findElement(By.cssSelector("#edit-enterprise input[name='name']")).sendKeys("推送企业（更名）");
            click("save-enterprise");
            assertThat(browser.findElement(By.id("enterprise-saved")).getText()).contains("已保存");
            assertThat(enterprisesStore.byId(e.enterprise().id()).orElseThrow().name()).isEqualTo("推送企业（更名）");
            browser.findElement(By.cssSelector("details summary")).click();
            set("edit-enterprise-signing", "type=pkcs12\npath=/nowhere.p12\npassword.env=NOPE");
            click("save-enterprise");
            assertThat(browser.findElement(By.id("enterprise-error")).getText()).contains("GW-E006");
            assertThat(enterprisesStore.byId(e.enterprise().id()).orElseThrow().signingProfile()).as("left as it was").doesNotContain("nowhere");
        }
    }

    /**
     * Roles on the pages: a viewer reads but every change is refused with the role page; a declarant declares but does not
     * reach webhooks; a document's page shows who did what to it.
     */
    @Test
    void aViewerReadsADeclarantDeclaresAndTheDocumentShowsWhoDidWhat() throws Exception {
        EnterpriseService.Registered e = enterprises.register("角色企业", "3301964ABC", "DXPENT0000021012", "EBC,AGENT", profile("wr"));
        WebUsers.Created viewer = users.forEnterprise(e.enterprise().id(), "role-viewer", "只读", io.cebgw.server.store.UserRow.VIEWER);
        WebUsers.Created declarant = users.forEnterprise(e.enterprise().id(), "role-declarant", "申报员", io.cebgw.server.store.UserRow.DECLARANT);
        String draft = documents.create(e.enterprise().id(), JsonMessages.write(FlowDocuments.document(io.cebgw.core.spec.MessageType.CEB303, "9710",
                "ROLE-", e.enterprise().dxpId())).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), true, null, false).document().id();

        signIn("role-viewer", viewer.password());
        signedIn();
        browser.get(url("/documents/" + draft));
        assertThat(browser.findElement(By.id("document-key")).getText()).contains("ROLE-");
        assertThat(browser.findElements(By.id("nav-webhooks"))).as("no webhooks link for a viewer").isEmpty();
        click("declare-draft");
        assertThat(browser.findElement(By.id("forbidden")).getText()).isEqualTo("403");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("您的角色不能做这件事");
        assertThat(store.byId(e.enterprise().id(), draft).orElseThrow().copMsgId()).as("not declared").isNull();
        browser.get(url("/webhooks"));
        assertThat(browser.findElements(By.id("forbidden"))).isNotEmpty();
        browser.get(url("/enterprise"));
        assertThat(browser.findElements(By.id("add-acts-for"))).as("only administrators register relationships").isEmpty();
        browser.manage().deleteAllCookies();

        signIn("role-declarant", declarant.password());
        signedIn();
        browser.get(url("/webhooks"));
        assertThat(browser.findElements(By.id("forbidden"))).as("webhooks are for administrators").isNotEmpty();
        browser.get(url("/documents/" + draft));
        click("declare-draft");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> store.byId(e.enterprise().id(), draft).orElseThrow().copMsgId() != null);
        browser.navigate().refresh();
        String trail = browser.findElement(By.id("audit")).getText();
        assertThat(trail).contains("新建").contains("申报").contains("role-declarant").contains("127.0.0.1");
    }

    /**
     * A document that could not be sent is seen on the overview (发送失败), in the list of sending failures with its error in
     * words, and on its own page; one click sends it again.
     */
    @Test
    void aDocumentThatCouldNotBeSentIsSeenAndSentAgain() throws Exception {
        EnterpriseService.Registered e = enterprises.register("发送失败企业", "3301964ABC", "DXPENT0000021013", "EBC,AGENT", profile("wd"));
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "sender", "发送员");
        String id = documents.create(e.enterprise().id(), JsonMessages.write(FlowDocuments.document(io.cebgw.core.spec.MessageType.CEB303, "9710",
                "DEAD-", e.enterprise().dxpId())).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), true, null, true).document().id();
        long sent = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < sent && !"SENT".equals(jdbc.sql("select state from outbox where document_id = ?").param(id).query(String.class).single())) {
            Thread.sleep(50);
        }
        // as the relay leaves a document whose broker refused the password (PerEnterpriseTransportTest drives the real one)
        jdbc.sql("update outbox set state = 'DEAD', attempts = 1, last_error = ? where document_id = ?")
                .params("CEB-T020 消息服务器拒绝了登录 / the broker refused the credentials", id).update();
        signIn("sender", user.password());
        assertThat(browser.findElement(By.cssSelector("#sending-counts a[data-kind='DEAD'] strong")).getText()).isEqualTo("1");
        browser.findElement(By.cssSelector("#sending-counts a[data-kind='DEAD']")).click();
        assertThat(browser.findElement(By.cssSelector("#dead-letters tr[data-id='" + id + "']")).getText()).contains("拒绝了登录");
        browser.findElement(By.cssSelector("#dead-letters tr[data-id='" + id + "'] a")).click();
        assertThat(browser.findElement(By.cssSelector("#sending tr[data-state='DEAD']")).getText()).contains("CEB-T020");
        click("resend");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && !"SENT".equals(jdbc.sql("select state from outbox where document_id = ?").param(id).query(String.class).single())) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select state from outbox where document_id = ?").param(id).query(String.class).single()).isEqualTo("SENT");
        browser.get(url("/sending"));
        assertThat(browser.findElements(By.cssSelector("#dead-letters tr[data-id='" + id + "']"))).isEmpty();
        assertThat(auditOf(e.enterprise().id(), id)).contains("document.resend");
    }

    private String auditOf(String enterpriseId, String id) {
        return auditTrail.of(enterpriseId, id).toString();
    }

    /** Waits until the login form has taken the user to the overview (signIn does not wait). */
    private void signedIn() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("nav-dashboard")));
    }

    /** Reloads the subscription's page until a delivery in this state shows. */
    private void awaitRow(String state) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && browser.findElements(By.cssSelector("#deliveries tr[data-state='" + state + "']")).isEmpty()) {
            Thread.sleep(200);
            browser.navigate().refresh();
        }
        assertThat(browser.findElements(By.cssSelector("#deliveries tr[data-state='" + state + "']"))).isNotEmpty();
    }

    @Test
    void aPlatformAdministratorActsForTheEnterprisesItManagesOnly() throws Exception {
        String c = enterpriseWithFinishedFlow("平台客户丙", "DXPENT0000021003", "WC");
        String d = enterpriseWithFinishedFlow("平台客户丁", "DXPENT0000021004", "WD");
        String other = enterpriseWithFinishedFlow("无关企业戊", "DXPENT0000021005", "WE");
        WebUsers.Created admin = users.platformAdministrator("platform-admin", "平台管理员", List.of(c, d));
        signIn("platform-admin", admin.password());
        browser.findElement(By.id("logout")); // signed in (waits for the overview) before going anywhere else
        browser.get(url("/?enterprise=" + c));
        assertThat(browser.findElement(By.id("acting-enterprise")).getText()).isEqualTo("平台客户丙");
        browser.findElement(By.cssSelector("#enterprise-switch a[data-enterprise='" + d + "']")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("acting-enterprise"), "平台客户丁"));
        assertThat(browser.findElements(By.cssSelector("#enterprise-switch a"))).as("only the other managed enterprise").hasSize(1);
        browser.get("http://127.0.0.1:" + port + "/documents?enterprise=" + d);
        assertThat(browser.findElement(By.id("acting-enterprise")).getText()).isEqualTo("平台客户丁");
        assertThat(browser.findElement(By.id("documents")).getText()).contains("WD-").doesNotContain("WC-");
        browser.get("http://127.0.0.1:" + port + "/documents?enterprise=" + other);
        assertThat(browser.findElement(By.id("not-found")).getText()).isEqualTo("404");
    }
}

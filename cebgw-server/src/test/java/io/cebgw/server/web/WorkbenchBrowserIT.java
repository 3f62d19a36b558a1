package io.cebgw.server.web;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import io.cebgw.server.document.WebUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declarant's workbench in a real browser: a 9710 shipment by hand from an empty enterprise to 899 — order and
 * waybill typed, the list made from them, the 总分单, arrival and departure made from the list — without typing a system
 * field and typing each business value once; a rejected list corrected and taken to 399; drafts declared in one action.
 */
class WorkbenchBrowserIT extends BrowserTestBase {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private int typed;

    /** Types the values the form does not show yet (what a declarant has to type); counts them. */
    private void complete(String group, int row, Node desired) {
        for (Map.Entry<String, String> v : desired.values().entrySet()) {
            List<WebElement> found = browser.findElements(By.id(group + "." + row + "." + v.getKey()));
            if (found.isEmpty()) {
                continue;
            }
            WebElement field = found.get(0);
            if (field.getTagName().equals("output")) {
                continue;   // a system field: the gateway fills it, nobody types it
            }
            if (!Objects.equals(field.getAttribute("value"), v.getValue())) {
                set(group + "." + row + "." + v.getKey(), v.getValue());
                typed++;
            }
        }
    }

    private String declareAndWait(String status) throws Exception {
        click("declare");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/documents/[0-9a-f-]{36}\\?.*"));
        String id = browser.getCurrentUrl().replaceAll(".*/documents/([0-9a-f-]{36}).*", "$1");
        awaitStatus(status);
        return id;
    }

    private void awaitStatus(String wanted) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        String status = "";
        while (System.nanoTime() < end && !status.equals(wanted)) {
            Thread.sleep(300);
            browser.navigate().refresh();
            status = Objects.toString(browser.findElement(By.id("document-status")).getAttribute("data-status"), "");
        }
        assertThat(status).as(browser.findElement(By.tagName("main")).getText()).isEqualTo(wanted);
    }

    private void open(String path) {
        browser.get(url(path));
    }

    @Test
    void aWholeShipmentByHandTypingEachBusinessValueOnce() throws Exception {
        EnterpriseService.Registered e = enterprises.register("工作台企业", "3301964ABC", "DXPENT0000041001", "EBC,AGENT", profile("w"));
        List<CebMessage> flow = FlowDocuments.flow("9710", "WB-", "3301964ABC", "DXPENT0000041001");
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "declarant", "报关员");
        signIn("declarant", user.password());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-new")));

        browser.findElement(By.id("nav-new")).click();
        browser.findElement(By.id("new-CEB303")).click();
        assertThat(browser.findElement(By.id("OrderHead.0.guid")).getTagName()).as("system fields are shown, not typed").isEqualTo("output");
        assertThat(browser.findElement(By.id("OrderHead.0.ebcCode")).getAttribute("value")).as("the enterprise's own code").isEqualTo("3301964ABC");
        assertThat(browser.findElements(By.id("BaseSubscribe.0.status"))).isEmpty();
        Browser.screenshot(browser, "10-entry-order");
        Node order = flow.get(0).businessRecords().get(0);
        complete("OrderHead", 0, order.head());
        complete("OrderList", 0, order.children("OrderList").get(0));
        String orderId = declareAndWait("120");

        open("/documents/new/CEB505");
        Node waybill = flow.get(1).businessRecords().get(0);
        complete("Logistics", 0, waybill);
        String waybillId = declareAndWait("120");

        open("/shipments?enterprise=" + e.enterprise().id());
        List<WebElement> shipmentRows = browser.findElements(By.cssSelector("tr[data-id]"));
        assertThat(shipmentRows).as("the order and the waybill typed by hand form one shipment once a list joins them; two until then").hasSize(2);
        open("/documents");
        click("select-" + orderId);
        click("select-" + waybillId);
        click("make-list");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/documents/new/CEB603"));
        Node list = flow.get(2).businessRecords().get(0);
        assertThat(browser.findElement(By.id("InventoryHead.0.orderNo")).getAttribute("value")).isEqualTo(order.head().get("orderNo"));
        assertThat(browser.findElement(By.id("InventoryHead.0.logisticsNo")).getAttribute("value")).isEqualTo(waybill.get("logisticsNo"));
        assertThat(browser.findElement(By.id("InventoryList.0.totalPrice")).getAttribute("value"))
                .isEqualTo(order.children("OrderList").get(0).get("totalPrice"));
        assertThat(browser.findElement(By.id("InventoryHead.0.ieFlag")).getAttribute("value")).as("an export list is E").isEqualTo("E");
        int beforeList = typed;
        Browser.screenshot(browser, "11-list-from-order-and-waybill");
        complete("InventoryHead", 0, list.head());
        complete("InventoryList", 0, list.children("InventoryList").get(0));
        String listId = declareAndWait("399");

        for (int i = 3; i < 6; i++) {
            MessageType type = flow.get(i).type();
            open("/documents/" + listId + "?enterprise=" + e.enterprise().id());
            click(switch (type) {
                case CEB607 -> "make-bill-from";
                case CEB507 -> "make-arrival-from";
                default -> "make-departure-from";
            });
            Node record = flow.get(i).businessRecords().get(0);
            String head = record.head().name();
            String lines = new io.cebgw.core.validation.Declared(type, null, "", record).lines().get(0).name();
            assertThat(browser.findElement(By.id(lines + ".0.logisticsNo")).getAttribute("value")).isEqualTo(waybill.get("logisticsNo"));
            complete(head, 0, record.head());
            complete(lines, 0, new io.cebgw.core.validation.Declared(type, null, "", record).lines().get(0));
            declareAndWait("399");
        }
        open("/documents/" + listId + "?enterprise=" + e.enterprise().id());
        awaitStatus("899");
        open("/shipments?enterprise=" + e.enterprise().id());
        List<WebElement> one = browser.findElements(By.cssSelector("tr[data-id] a"));
        assertThat(one).as("one shipment holds the six documents typed by hand").hasSize(1);
        one.get(0).click();
        assertThat(browser.findElements(By.cssSelector("#shipment-documents tr[data-type]"))).hasSize(6);
        assertThat(browser.findElement(By.id("shipment-complete")).getAttribute("data-complete")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#shipment-next a"))).as("nothing left to do").isEmpty();

        int everything = 0;
        for (CebMessage m : flow) {
            everything += count(m.root());
        }
        System.out.printf("NOTICE: a 9710 shipment by hand: %d values typed; the same six documents have %d values "
                + "(typed field by field before, system fields and transfer blocks included); the list needed %d%n", typed, everything, typed - beforeList);
        assertThat(typed).as("each business value typed once, nothing the gateway knows").isLessThan(everything / 2);
    }

    private static int count(Node node) {
        int n = (int) node.values().values().stream().filter(v -> !v.isBlank()).count();
        for (var group : node.def().groups()) {
            for (Node child : node.children(group.name())) {
                n += count(child);
            }
        }
        return n;
    }

    @Test
    void aRejectedListIsCorrectedAndDraftsAreDeclaredInOneAction() throws Exception {
        EnterpriseService.Registered e = enterprises.register("改单企业", "3301964ABC", "DXPENT0000041002", "EBC,AGENT", profile("r"));
        List<CebMessage> flow = FlowDocuments.flow("9710", "RJ-", "3301964ABC", "DXPENT0000041002");
        for (CebMessage m : flow.subList(0, 2)) {
            documents.create(e.enterprise().id(), JsonMessages.write(m).toString().getBytes(StandardCharsets.UTF_8), true, null, true);
        }
        Node listHead = flow.get(2).businessRecords().get(0).child("InventoryHead");
        listHead.set("copNo", "SBX-REJECT-RJ1");   // the sandbox refuses it: 100 海关退单
        String rejected = documents.create(e.enterprise().id(), JsonMessages.write(flow.get(2)).toString().getBytes(StandardCharsets.UTF_8),
                true, null, true).document().id();
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "fixer", "改单员");
        signIn("fixer", user.password());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-new")));
        open("/documents/" + rejected + "?enterprise=" + e.enterprise().id());
        awaitStatus("100");
        click("correct");
        assertThat(browser.findElement(By.id("InventoryList.0.gcode")).getAttribute("value")).as("every value carried over")
                .isEqualTo(flow.get(2).businessRecords().get(0).children("InventoryList").get(0).get("gcode"));
        set("InventoryHead.0.copNo", "RJ-FIXED-1");
        declareAndWait("399");

        io.cebgw.server.excel.ImportLayout layout = io.cebgw.server.excel.ImportLayout.of(MessageType.CEB303).orElseThrow();
        List<CebMessage> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(new io.cebgw.core.example.ExampleFactory().create(MessageType.CEB303,
                    new io.cebgw.core.example.ExampleOptions("9710", null, i == 0 ? 3 : 1)));
            orders.get(i).businessRecords().get(0).child("OrderHead").set("orderNo", "BATCH-" + i).set("guid", null).set("appTime", null);
        }
        java.nio.file.Path file = DIR.resolve("orders-" + java.util.UUID.randomUUID() + ".xlsx");
        io.cebgw.server.excel.FilledTemplates.write(layout, orders, file);
        io.cebgw.server.excel.FilledTemplates.blankHeaders(file, layout, r -> r == 2 || r == 3);   // the first order's 2nd and 3rd item rows
        open("/import?enterprise=" + e.enterprise().id());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("import-type"))).selectByValue("CEB303");
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-upload")).click();
        assertThat(browser.findElement(By.id("import-done")).getText()).contains("20");
        List<String> drafts = store.list(e.enterprise().id(), new io.cebgw.server.store.DocumentStore.Filter("CEB303Message",
                io.cebgw.server.store.DocumentStore.DRAFTS, null, null, null), 50, 0).stream().map(d -> d.id()).toList();
        assertThat(drafts).hasSize(20);
        String first = store.list(e.enterprise().id(), new io.cebgw.server.store.DocumentStore.Filter(null, null, null, null, "BATCH-0"), 5, 0)
                .get(0).id();
        assertThat(new String(store.byId(e.enterprise().id(), first).orElseThrow().unsignedXml(), StandardCharsets.UTF_8)
                .split("<ceb:OrderList>", -1)).as("the order with continuation rows has its three items").hasSize(4);
        open("/documents?enterprise=" + e.enterprise().id() + "&status=draft");
        click("select-all");
        click("declare-selected");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("batch-results")));
        assertThat(browser.findElements(By.cssSelector("#batch-results tr[data-ok='true']")))
                .as(browser.findElement(By.id("batch-results")).getText()).hasSize(20);
        Browser.screenshot(browser, "12-batch-declare");
        for (String id : drafts) {
            assertThat(store.byId(e.enterprise().id(), id).orElseThrow().copMsgId()).isNotNull();
        }
    }

    /** Three or more English words in a row: a sentence, not a field name or a code. */
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile("\\b[A-Za-z][a-z]+(?:[ ,]+[a-z]{2,}){2,}\\b");

    @Test
    void everyPageInChineseModeIsChinese() throws Exception {
        EnterpriseService.Registered e = enterprises.register("中文企业", "3301964ABC", "DXPENT0000041003", "EBC,AGENT", profile("c"));
        List<CebMessage> flow = FlowDocuments.flow("9710", "ZH-", "3301964ABC", "DXPENT0000041003");
        String listId = null;
        for (CebMessage m : flow) {
            String id = documents.create(e.enterprise().id(), JsonMessages.write(m).toString().getBytes(StandardCharsets.UTF_8), true, null, true)
                    .document().id();
            listId = m.type() == MessageType.CEB603 ? id : listId;
        }
        String draft = documents.create(e.enterprise().id(), JsonMessages.write(FlowDocuments.document(MessageType.CEB303, "9710", "ZHD-",
                "DXPENT0000041003")).toString().getBytes(StandardCharsets.UTF_8), true, null, false).document().id();
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "zhongwen", "中文用户");
        signIn("zhongwen", user.password());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("nav-new")));
        open("/documents/" + listId + "?enterprise=" + e.enterprise().id());
        awaitStatus("899");
        String q = "?enterprise=" + e.enterprise().id();
        List<String> found = new java.util.ArrayList<>();
        for (String page : List.of("/" + q, "/documents" + q, "/documents/" + listId + q, "/documents/" + draft + q, "/documents/new" + q,
                "/documents/new/CEB603" + q, "/documents/" + draft + "/edit" + q, "/documents/new/CEB607" + q + "&from=" + listId,
                "/import" + q, "/shipments" + q, "/enterprise" + q)) {
            open(page);
            String text = browser.findElement(By.tagName("body")).getText();
            var m = ENGLISH.matcher(text);
            while (m.find()) {
                if (m.group().startsWith("cebgw ")) {
                    continue;   // a command to type, e.g. cebgw sandbox selftest
                }
                found.add(page.replaceAll("\\?.*", "") + ": " + m.group());
            }
        }
        assertThat(found).as("English sentences on pages in Chinese mode").isEmpty();

        open("/documents" + q + "&from=2026/13/45");
        assertThat(browser.findElement(By.id("bad-date")).getText()).contains("2026-12-03");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        open("/documents" + q + "&from=" + today.replace("-", "/") + "&to=" + today);
        assertThat(browser.findElement(By.id("filter-from")).getAttribute("value")).as("dates read as written here").isEqualTo(today);
        assertThat(browser.findElements(By.cssSelector("#documents tr[data-id]"))).hasSize(7);
    }
}

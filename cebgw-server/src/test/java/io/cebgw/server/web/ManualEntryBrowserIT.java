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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manual entry in real headless Chromium (issue 7): a 9710 declaration list with two items typed into the form, a
 * validation error shown beside its field, fixed, declared, and followed until the sandbox releases it (放行).
 */
class ManualEntryBrowserIT extends BrowserTestBase {

    private void fill(String group, int row, Node node) {
        for (Map.Entry<String, String> v : node.values().entrySet()) {
            if (!browser.findElements(By.id(group + "." + row + "." + v.getKey())).isEmpty()) {
                set(group + "." + row + "." + v.getKey(), v.getValue());
            }
        }
    }

    @Test
    void typeA9710ListWithTwoItemsFixAnErrorDeclareAndSeeItReleased() throws Exception {
        EnterpriseService.Registered e = enterprises.register("录入测试企业", "3301964ABC", "DXPENT0000031001", "EBC,AGENT", profile("e"));
        List<CebMessage> flow = FlowDocuments.flow("9710", "ME-", "3301964ABC", "DXPENT0000031001");
        Node order = flow.get(0).businessRecords().get(0);
        Node secondOrdered = order.add("OrderList");   // the order has the second item too: customs compares line by line
        order.children("OrderList").get(0).values().forEach(secondOrdered::set);
        secondOrdered.set("gnum", "2");
        order.child("OrderHead").set("goodsValue", new java.math.BigDecimal(order.child("OrderHead").get("goodsValue"))
                .multiply(java.math.BigDecimal.valueOf(2)).toPlainString());
        for (CebMessage m : flow.subList(0, 2)) { // the order and the waybill go in through the API
            documents.create(e.enterprise().id(), JsonMessages.write(m).toString().getBytes(StandardCharsets.UTF_8), true, null, true);
        }
        CebMessage list = flow.get(2);
        assertThat(list.type()).isEqualTo(MessageType.CEB603);
        List<Node> items = list.businessRecords().get(0).children("InventoryList");
        if (items.size() == 1) { // a second item line: the same goods in another size
            Node second = list.businessRecords().get(0).add("InventoryList");
            items.get(0).values().forEach(second::set);
            second.set("gnum", "2");
            items = list.businessRecords().get(0).children("InventoryList");
        }
        assertThat(items).hasSize(2);
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "clerk", "录入员");

        signIn("clerk", user.password());
        browser.findElement(By.id("nav-new")).click();
        browser.findElement(By.id("new-CEB603")).click();
        assertThat(browser.findElement(By.id("BaseTransfer.0.dxpId")).getAttribute("value")).as("prefilled").isEqualTo("DXPENT0000031001");
        click("add-InventoryList");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("InventoryList.1.gnum")));

        fill("InventoryHead", 0, list.businessRecords().get(0).head());
        fill("InventoryList", 0, items.get(0));
        fill("InventoryList", 1, items.get(1));
        fill("BaseTransfer", 0, list.root().child("BaseTransfer"));
        set("InventoryList.1.gname", ""); // the second item's goods name forgotten
        click("declare");
        assertThat(browser.findElement(By.id("entry-problem")).getText()).contains("GW-D003");
        String error = browser.findElement(By.cssSelector("label.has-error small.error")).getText();
        assertThat(error).contains("gname");
        assertThat(browser.findElement(By.id("InventoryList.1.gnum")).getAttribute("value")).as("every value is kept").isEqualTo(items.get(1).get("gnum"));
        Browser.screenshot(browser, "06-entry-error");

        assertThat(browser.findElement(By.cssSelector("label.has-error #InventoryList\\.1\\.gname")).isDisplayed()).isTrue();
        set("InventoryList.1.gname", items.get(1).get("gname"));
        click("declare");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/documents/[0-9a-f-]{36}\\?.*"));
        for (CebMessage m : flow.subList(3, flow.size())) { // 总分单, arrival and departure follow through the API (release needs the arrival)
            documents.create(e.enterprise().id(), JsonMessages.write(m).toString().getBytes(StandardCharsets.UTF_8), true, null, true);
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = "";
        while (System.nanoTime() < end && !status.equals("800") && !status.equals("899")) {
            Thread.sleep(300);
            browser.navigate().refresh();
            status = java.util.Objects.toString(browser.findElement(By.id("document-status")).getAttribute("data-status"), ""); // none before the first receipt
        }
        assertThat(status).as("released by the sandbox").isIn("800", "899");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("放行");
        Browser.screenshot(browser, "07-entry-released");
    }

    @Test
    void typeA9810BookingAndDeclareIt() throws Exception {
        EnterpriseService.Registered e = enterprises.register("海外仓企业", "3301964ABC", "DXPENT0000031002", "EBC,AGENT", profile("b"));
        CebMessage booking = FlowDocuments.flow("9810", "MB-", "3301964ABC", "DXPENT0000031002").get(0);
        assertThat(booking.type()).isEqualTo(MessageType.CEB303);
        assertThat(booking.businessRecords().get(0).head().get("orderType")).isEqualTo("W");
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "booker", "订仓员");
        signIn("booker", user.password());
        browser.findElement(By.id("nav-new")).click();
        browser.findElement(By.id("new-CEB303")).click();
        Node record = booking.businessRecords().get(0);
        for (int i = 1; i < record.children("OrderList").size(); i++) {
            click("add-OrderList");
            String next = "OrderList." + i + ".gnum";
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(next)));
        }
        fill("OrderHead", 0, record.head());
        for (int i = 0; i < record.children("OrderList").size(); i++) {
            fill("OrderList", i, record.children("OrderList").get(i));
        }
        fill("BaseTransfer", 0, booking.root().child("BaseTransfer"));
        click("declare");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/documents/[0-9a-f-]{36}\\?.*"));
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = "";
        while (System.nanoTime() < end && !status.equals("120")) {
            Thread.sleep(300);
            browser.navigate().refresh();
            status = java.util.Objects.toString(browser.findElement(By.id("document-status")).getAttribute("data-status"), ""); // none before the first receipt
        }
        assertThat(status).as("the booking is accepted (海关入库)").isEqualTo("120");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("海外仓订仓单");
    }
}

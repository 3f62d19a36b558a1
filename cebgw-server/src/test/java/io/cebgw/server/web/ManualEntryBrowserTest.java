package io.cebgw.server.web;

import io.cebgw.core.model.CebMessage;
import io.cebgw.core.model.Node;
import io.cebgw.core.spec.MessageType;
import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import io.cebgw.server.document.WebUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manual entry in real headless Chromium (issue 7): a 9710 declaration list with two items typed into the form, a
 * validation error shown beside its field, fixed, declared, and followed until the sandbox releases it (放行).
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManualEntryBrowserTest {
    private static final Path DIR = temp();

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    WebUsers users;
    @Autowired
    DocumentService documents;

    private WebDriver browser;

    private static Path temp() {
        try {
            return Files.createTempDirectory("cebgw-entry-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:entry" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        r.add("cebgw.exchange-folder", () -> DIR.resolve("exchange").toString());
        r.add("cebgw.sandbox", () -> "true");
        r.add("cebgw.sandbox-step-millis", () -> "10");
        r.add("cebgw.relay-interval", () -> "30ms");
        r.add("cebgw.poll-interval", () -> "20ms");
    }

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void set(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Clicks after bringing the element to the middle of the window (the action bar sticks to the bottom). */
    private void click(String id) {
        var element = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void fill(String group, int row, Node node) {
        for (Map.Entry<String, String> v : node.values().entrySet()) {
            if (!browser.findElements(By.id(group + "." + row + "." + v.getKey())).isEmpty()) {
                set(group + "." + row + "." + v.getKey(), v.getValue());
            }
        }
    }

    @Test
    void typeA9710ListWithTwoItemsFixAnErrorDeclareAndSeeItReleased() throws Exception {
        Path p12 = DIR.resolve("e.p12");
        Files.writeString(DIR.resolve("e.pw"), "pw-e\n");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, "pw-e".toCharArray(), "cebgw");
        EnterpriseService.Registered e = enterprises.register("录入测试企业", "3301964ABC", "DXPENT0000031001", "EBC,AGENT",
                "type=pkcs12\npath=" + p12 + "\npassword.file=" + DIR.resolve("e.pw") + "\n");
        List<CebMessage> flow = FlowDocuments.flow("9710", "ME-", "3301964ABC", "DXPENT0000031001");
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

        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("sign-in")).click();
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
            status = browser.findElement(By.id("document-status")).getAttribute("data-status");
        }
        assertThat(status).as("released by the sandbox").isIn("800", "899");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("放行");
        Browser.screenshot(browser, "07-entry-released");
    }

    @Test
    void typeA9810BookingAndDeclareIt() throws Exception {
        Path p12 = DIR.resolve("b.p12");
        Files.writeString(DIR.resolve("b.pw"), "pw-b\n");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, "pw-b".toCharArray(), "cebgw");
        EnterpriseService.Registered e = enterprises.register("海外仓企业", "3301964ABC", "DXPENT0000031002", "EBC,AGENT",
                "type=pkcs12\npath=" + p12 + "\npassword.file=" + DIR.resolve("b.pw") + "\n");
        CebMessage booking = FlowDocuments.flow("9810", "MB-", "3301964ABC", "DXPENT0000031002").get(0);
        assertThat(booking.type()).isEqualTo(MessageType.CEB303);
        assertThat(booking.businessRecords().get(0).head().get("orderType")).isEqualTo("W");
        WebUsers.Created user = users.forEnterprise(e.enterprise().id(), "booker", "订仓员");
        browser.get("http://127.0.0.1:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("booker");
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("sign-in")).click();
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
            status = browser.findElement(By.id("document-status")).getAttribute("data-status");
        }
        assertThat(status).as("the booking is accepted (海关入库)").isEqualTo("120");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("海外仓订仓单");
    }
}

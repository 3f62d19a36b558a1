package io.cebgw.server.web;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.crypto.cert.KeyPairs;
import io.cebgw.crypto.testing.TestKeys;
import io.cebgw.server.GatewayApplication;
import io.cebgw.server.document.DocumentService;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.WebUsers;
import io.cebgw.server.store.DocumentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A gateway on H2 with the in-process sandbox, and a fresh headless Chromium for each test. */
@Tag("slow")
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {
    static final Path DIR = temp();

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    WebUsers users;
    @Autowired
    DocumentService documents;
    @Autowired
    DocumentStore store;

    WebDriver browser;

    private static Path temp() {
        try {
            return Files.createTempDirectory("cebgw-browser-test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:web" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        r.add("cebgw.exchange-folder", () -> DIR.resolve("exchange-" + UUID.randomUUID()).toString());
        r.add("cebgw.sandbox", () -> "true");
        r.add("cebgw.sandbox-step-millis", () -> "10");
        r.add("cebgw.relay-interval", () -> "30ms");
        r.add("cebgw.poll-interval", () -> "20ms");
        r.add("cebgw.webhooks.interval", () -> "50ms");
        r.add("cebgw.webhooks.first-retry", () -> "100ms");
        r.add("cebgw.webhooks.max-attempts", () -> "2");
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A signing profile with the SM2 test key in a PKCS#12 of its own. */
    String profile(String name) throws Exception {
        Path p12 = DIR.resolve(name + ".p12");
        Files.writeString(DIR.resolve(name + ".pw"), "pw-" + name + "\n");
        KeyPairs.writePkcs12(TestKeys.key(SignatureSuite.SM2_SM3), p12, ("pw-" + name).toCharArray(), "cebgw");
        return "type=pkcs12\npath=" + p12 + "\npassword.file=" + DIR.resolve(name + ".pw") + "\n";
    }

    /** Fills in and sends the login form (does not wait: a wrong password stays on the login page). */
    void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Clicks after bringing the element to the middle of the window (the form's action bar sticks to the bottom). */
    void click(String id) {
        WebElement element = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Sets a form field's value as typing would leave it. */
    void set(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}

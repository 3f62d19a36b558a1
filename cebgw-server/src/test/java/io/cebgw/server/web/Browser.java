package io.cebgw.server.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Headless Debian Chromium driven by its ChromeDriver (packages {@code chromium}, {@code chromium-driver}; .ci/run
 * installs them). Mandatory with CI=true; elsewhere a missing browser skips the browser tests with a notice.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static WebDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("Chromium and ChromeDriver are needed (CI=true): apt-get install chromium chromium-driver");
            }
            System.err.println("NOTICE: skipping the browser tests — /usr/bin/chromium or /usr/bin/chromedriver is missing");
            Assumptions.abort("no Chromium");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
                "--disable-gpu", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /**
     * Keeps a screenshot of the current page: in {@code target/screenshots}, or where {@code -Dcebgw.screenshots=DIR}
     * says (docs/zh/images for the operator guide).
     */
    static void screenshot(WebDriver driver, String name) {
        Path dir = Path.of(System.getProperty("cebgw.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

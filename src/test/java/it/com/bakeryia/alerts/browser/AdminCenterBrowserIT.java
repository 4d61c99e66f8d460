package it.com.bakeryia.alerts.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Liberty's Admin Center in a real browser, on the test server's HTTPS port (the build turns it on
 * for the main test server and for server A of the real-services profile; its certificate is
 * Liberty's self-signed one, accepted here): the administrator signs in through the login form,
 * opens the Explore tool from the toolbox and sees the application, running. Headless Chromium
 * through chromedriver, both from the machine, as in {@link DemoPageIT}.
 */
class AdminCenterBrowserIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * By address, not by name: Chromium resolves localhost to ::1 first, Admin Center then calls the
     * server back on that address, and Liberty's self-signed certificate names localhost and
     * 127.0.0.1 but not ::1 (the server logs CWPKI0824E and CWWKO0801E; the tools still work).
     */
    static final String HTTPS =
            System.getProperty("it.https.url", "https://localhost:9443").replace("://localhost:", "://127.0.0.1:");

    static final String USER = System.getProperty("it.admin.user", "admin");
    static final String PASSWORD = System.getProperty("it.admin.password", "");
    static final Path SCREENSHOT = Path.of(System.getProperty("it.admin.screenshot", "/tmp/admin-center.png"));

    Chromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Chromium("admin-center", SCREENSHOT, options -> {
            options.setAcceptInsecureCerts(true);
            options.addArguments("--ignore-certificate-errors");
        });
        driver = browser.driver();
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdministratorSignsInAndSeesTheApplicationInTheExploreTool() {
        // 1. Admin Center sends an anonymous visitor to its login form.
        driver.get(HTTPS + "/adminCenter/");
        wait.until(ExpectedConditions.urlContains("/adminCenter/login.jsp"));
        assertEquals("Liberty Admin Center", driver.getTitle());

        // 2. The administrator signs in and lands in the toolbox.
        driver.findElement(By.id("j_username")).sendKeys(USER);
        driver.findElement(By.id("j_password")).sendKeys(PASSWORD);
        driver.findElement(By.id("loginButton")).click();
        WebElement explore = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id^='com.ibm.websphere.appserver.adminCenter.tool.explore'] img[alt='Explore']")));
        assertTrue(driver.getCurrentUrl().endsWith("/adminCenter/"), driver.getCurrentUrl());

        // 3. The Explore tool (in the toolbox's tool frame) lists the application, running.
        explore.click();
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("toolIFrame")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='Applications']")))
                .click();
        WebElement application = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cardInner[alt='bakery-alerts']")));
        wait.until(d -> application.getText().contains("Running"));
        assertTrue(application.getText().contains("bakery-alerts"), application.getText());
    }
}

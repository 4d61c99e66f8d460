package it.com.bakeryia.alerts.browser;

import static it.com.bakeryia.alerts.support.Server.alert;
import static it.com.bakeryia.alerts.support.Server.newId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.bakeryia.alerts.support.Server;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in a real browser against the real server: sign in, go live, send an alert from
 * the form, see it listed and toasted, see only the signed-in user's tenant, and no console errors.
 * Headless Chromium through chromedriver, both from the machine (Debian's {@code chromium} and
 * {@code chromium-driver}); Selenium is given both paths, so Selenium Manager never downloads one.
 */
class DemoPageIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOT = Path.of(System.getProperty("it.screenshot", "/tmp/demo-page.png"));

    Chromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Chromium("demo-page", SCREENSHOT, options -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
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
    void aliceGoesLiveSendsAnAlertAndSeesHerTenantOnly() {
        // 1. The page loads; signing in as Alice turns the badge live.
        driver.get(Server.BASE.toString());
        assertEquals("Bakery-IA · live alerts", driver.getTitle());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user option[value='alice']")));
        new Select(driver.findElement(By.id("user"))).selectByValue("alice");
        driver.findElement(By.cssSelector("#signin button[type='submit']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "live"));
        assertEquals("Live", driver.findElement(By.id("status")).getText());
        assertTrue(driver.findElement(By.id("who")).getText().contains("bakery-centro"));

        // 2. The "Send a test alert" form: the alert comes back over the stream, listed and toasted.
        String sent = "Browser sent " + newId();
        WebElement title = driver.findElement(By.cssSelector("#send input[name='title']"));
        title.clear();
        title.sendKeys(sent);
        driver.findElement(By.cssSelector("#send button[type='submit']")).click();
        wait.until(d -> listedTitles().contains(sent));
        wait.until(d -> toastTitles().contains(sent));
        assertEquals(1, listedTitles().stream().filter(sent::equals).count(), "one row per alert");

        // 3. Tenants kept apart: norte's alert, stored before centro's, never reaches Alice's page.
        String publisher = Server.publisherToken();
        String norteId = newId();
        String norte = "Norte only " + norteId;
        publish(publisher, alert(norteId, "bakery-norte", "production", "urgent", norte));
        String bob = Server.demoToken("bob");
        await().atMost(WAIT)
                .until(() -> Server.get("api/alerts?limit=200", bob).body().contains(norteId));
        String centro = "Centro " + newId();
        publish(publisher, alert(newId(), "bakery-centro", "inventory", "medium", centro));
        wait.until(d -> listedTitles().contains(centro));
        assertFalse(listedTitles().contains(norte), "Alice (bakery-centro) was shown a bakery-norte alert");
        assertFalse(toastTitles().contains(norte), "Alice (bakery-centro) was toasted a bakery-norte alert");

        // 4. No errors in the browser console (a missing favicon aside).
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !(entry.getMessage().contains("favicon.ico")
                        && entry.getMessage().contains("404")))
                .collect(Collectors.toList());
        assertTrue(errors.isEmpty(), () -> "console errors: " + errors);
    }

    /** Opening an alert's "Deliveries" shows its email delivery (settings of bakery-centro, restored after). */
    @Test
    void anAlertShowsItsDeliveries() {
        String admin = Server.demoToken("admin");
        String recipient = "ops-" + newId().substring(0, 8) + "@bakery.example";
        HttpResponse<String> put = Server.send(
                java.net.http.HttpRequest.newBuilder(Server.uri("api/admin/tenants/bakery-centro/notifications"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"recipients\": {\"email\": [\"" + recipient + "\"]}, \"group_window_seconds\": 0}"))
                        .build());
        assertEquals(200, put.statusCode(), put.body());
        try {
            driver.get(Server.BASE.toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#user option[value='manager']")));
            new Select(driver.findElement(By.id("user"))).selectByValue("manager");
            driver.findElement(By.cssSelector("#signin button[type='submit']")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "live"));

            String id = newId();
            String title = "Deliveries " + id;
            publish(Server.publisherToken(), alert(id, "bakery-centro", "inventory", "urgent", title));
            By row = By.cssSelector("#alerts li[data-id='" + id + "']");
            wait.until(ExpectedConditions.presenceOfElementLocated(row));
            driver.findElement(row)
                    .findElement(By.cssSelector(".deliveries summary"))
                    .click();
            By email = By.cssSelector("#alerts li[data-id='" + id + "'] .deliveries li[data-channel='email']");
            wait.until(ExpectedConditions.presenceOfElementLocated(email));
            String shown = driver.findElement(email).getText();
            assertTrue(shown.contains(recipient), shown);
            assertTrue(
                    List.of("pending", "sent", "not_configured")
                            .contains(driver.findElement(email).getAttribute("data-delivery-status")),
                    shown);
        } finally {
            // Back to no recipients, so later runs' bakery-centro alerts send nothing.
            Server.send(
                    java.net.http.HttpRequest.newBuilder(Server.uri("api/admin/tenants/bakery-centro/notifications"))
                            .header("Authorization", "Bearer " + admin)
                            .header("Content-Type", "application/json")
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                            .build());
        }
    }

    static void publish(String token, String json) {
        HttpResponse<String> response = Server.post("api/alerts", token, json);
        assertEquals(202, response.statusCode(), response.body());
    }

    /** The titles in the list, read in one script so that no row goes stale between calls. */
    List<String> listedTitles() {
        return texts("#alerts li .title");
    }

    List<String> toastTitles() {
        return texts("#toasts .toast strong");
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String selector) {
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent);", selector);
    }
}

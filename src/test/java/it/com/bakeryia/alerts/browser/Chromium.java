package it.com.bakeryia.alerts.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for one browser test, through chromedriver, both from the machine (Debian's
 * {@code chromium} and {@code chromium-driver}); Selenium is given both paths, so Selenium Manager
 * never downloads one. Each browser has a profile of its own, removed on close, after a screenshot
 * of the last page.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = System.getProperty("it.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");

    private final Path profile;
    private final Path screenshot;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    /** @param options what a test adds to the common options (certificates, console logs) */
    Chromium(String name, Path screenshot, Consumer<ChromeOptions> options) throws IOException {
        this.profile = Files.createTempDirectory(name + "-chromium-");
        this.screenshot = screenshot;
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(BINARY);
        chrome.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        options.accept(chrome);
        this.driver = new ChromeDriver(service, chrome);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.switchTo().defaultContent();
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}

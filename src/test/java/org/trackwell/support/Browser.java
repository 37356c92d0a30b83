package org.trackwell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.trackwell.shared.DirectoryTrees;

/** Debian's headless Chromium through Debian's chromedriver: never a downloaded browser. */
public final class Browser {

    /** The browsers' profiles of this test JVM, removed when it ends. */
    private static final Path PROFILES = profiles();

    private Browser() {}

    private static Path profiles() {
        try {
            Path profiles = Files.createTempDirectory("trackwell-chromium");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> DirectoryTrees.deleteQuietly(profiles)));
            return profiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChromeDriver start() {
        return start(1280, 900);
    }

    public static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory(PROFILES, "profile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setAcceptInsecureCerts(true);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Waits up to ten seconds for a condition, looking again if the page changed under it. */
    public static void waitUntil(
            ChromeDriver driver, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Clicks something that loads a new page, and waits until the new page has replaced the old. */
    public static void clickAndWait(ChromeDriver driver, org.openqa.selenium.By target) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> {
                    d.findElement(target).click();
                    return true;
                });
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> gone(page));
        waitUntil(
                driver,
                d -> "complete"
                        .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return document.readyState")));
    }

    /**
     * Whether the old page's element is gone. Chromium may say so as a stale reference or, while the
     * new document replaces it, as an inspector error about a node that no longer belongs to it.
     */
    private static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    /** Opens a page and waits until the browser shows it, even if an earlier navigation was still settling. */
    public static void open(ChromeDriver driver, String url) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> {
                    d.get(url);
                    return d.getCurrentUrl().startsWith(url)
                            || d.getCurrentUrl().contains("/sign-in");
                });
    }

    /** Waits for a risky action's confirmation dialog (shared.Confirmation) and returns what it says. */
    public static String confirmationShown(ChromeDriver driver) {
        waitUntil(
                driver,
                d -> !d.findElements(org.openqa.selenium.By.cssSelector("#confirm-dialog[open] #confirm-yes"))
                        .isEmpty());
        return driver.findElement(org.openqa.selenium.By.id("confirm-dialog")).getText();
    }

    /** Confirms the action in the open confirmation dialog, and waits for the page it leads to. */
    public static void confirm(ChromeDriver driver) {
        confirmationShown(driver);
        clickAndWait(driver, org.openqa.selenium.By.id("confirm-yes"));
    }

    public static void waitForPath(ChromeDriver driver, String pathAndQuery) {
        waitUntil(driver, d -> d.getCurrentUrl().endsWith(pathAndQuery));
    }

    public static void signIn(ChromeDriver driver, String baseUrl, String email, String password) {
        driver.get(baseUrl + "/sign-in");
        driver.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]"))
                .click();
    }

    /** Console messages at warning level or worse, which includes every CSP violation. */
    public static List<String> consoleProblems(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}

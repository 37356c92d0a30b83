package org.trackwell.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/** A fresh headless browser for each test: {@code @RegisterExtension BrowserSession browser = ...}. */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private final int width;
    private final int height;
    private ChromeDriver driver;

    private BrowserSession(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public static BrowserSession desktop() {
        return new BrowserSession(1280, 900);
    }

    public static BrowserSession tablet() {
        return new BrowserSession(820, 1180);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        driver = Browser.start(width, height);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }
}

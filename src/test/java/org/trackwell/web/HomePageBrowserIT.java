package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserSession;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class HomePageBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @RegisterExtension
    final BrowserSession session = BrowserSession.desktop();

    ChromeDriver browser;

    @BeforeEach
    void browser() {
        browser = session.driver();
    }

    @Test
    void visitorOpensTheServiceHomePageOverHttpsWithNoConsoleErrorsOrPolicyViolations() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("browser"), "Riverside Counselling");
        browser.get("https://" + tenant.slug() + ".localhost:" + port + "/");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Riverside Counselling");
        assertThat(browser.findElement(By.cssSelector("main#main")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("nav[aria-label='Main']")).isDisplayed())
                .isTrue();
        assertThat((Boolean) browser.executeScript("return typeof htmx !== 'undefined'"))
                .isTrue();
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Fixtures;
import org.trackwell.tenancy.Tenant;

class HomePageBrowserIT extends BrowserJourney {

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

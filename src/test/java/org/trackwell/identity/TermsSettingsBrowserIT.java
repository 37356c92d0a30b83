package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

/** Shares its application (Trackwell's default terms on) with TenantTermsIT. */
@TestPropertySource(properties = TenantTermsIT.DEFAULT_TERMS)
class TermsSettingsBrowserIT extends BrowserJourney {

    @Test
    void newAdminAcceptsTheDefaultTermsThenPublishesTheServicesOwnAfterARefusedEmptyVersion() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "termspage");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/terms");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Your service's terms of use, version 1")
                .contains("identifying details out of free text");
        Browser.clickAndWait(browser, By.xpath("//button[text()='I accept these terms']"));

        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-terms"));
        browser.findElement(By.id("terms-text")).clear();
        Browser.clickAndWait(browser, By.xpath("//button[text()='Publish as a new version']"));
        assertThat(browser.findElement(By.id("settings-error")).getText())
                .contains("need some text")
                .contains("Nothing was changed");

        var text = browser.findElement(By.id("terms-text"));
        text.clear();
        text.sendKeys("Only for Eastside Care's residents. Never put a name in a note.");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Publish as a new version']"));
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Version 2 is published");
        assertThat(browser.findElement(By.id("terms-versions")).getText())
                .contains("2 (current)")
                .contains("Administrator")
                .contains("Trackwell's default terms");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

package org.trackwell.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class HelpBrowserIT extends BrowserJourney {

    @Test
    void aPagesHelpLinkOpensItsOwnPartOfTheHelp() {
        String base = signedInAdmin("helplink");
        Browser.open(browser, base + "/admin/settings/security-policy");
        Browser.clickAndWait(browser, By.id("help-link"));

        assertThat(browser.getCurrentUrl()).endsWith("/help#security-policy");
        assertThat(browser.findElement(By.id("security-policy")).getText()).isEqualTo("Security policy");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void someoneNotSignedInSearchesTheHelpAndFindsAGlossaryTerm() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "helpsearch");
        Browser.open(browser, "https://" + api.host() + ":" + port + "/help");
        browser.findElement(By.id("help-query")).sendKeys("caseness");
        Browser.clickAndWait(browser, By.cssSelector(".help-search button"));

        assertThat(browser.findElement(By.id("help-results")).getText()).contains("Caseness");
        Browser.clickAndWait(browser, By.linkText("Caseness"));
        assertThat(browser.getCurrentUrl()).endsWith("#caseness");
        assertThat(browser.findElement(By.id("caseness")).isDisplayed()).isTrue();
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void aDismissedTipStaysDismissed() {
        String base = signedInAdmin("helptip");
        Browser.open(browser, base + "/admin/settings");
        assertThat(browser.findElement(By.id("first-time-tip")).getText()).contains("take effect at once");

        browser.findElement(By.id("dismiss-tip")).click();
        Browser.waitUntil(
                browser, driver -> driver.findElements(By.id("first-time-tip")).isEmpty());
        assertThat(browser.getCurrentUrl()).endsWith("/admin/settings");

        Browser.open(browser, base + "/admin/settings");
        assertThat(browser.findElements(By.id("first-time-tip"))).isEmpty();
        Browser.open(browser, base + "/");
        assertThat(browser.findElement(By.id("first-time-tip")).getText())
                .as("another page's tip is still shown")
                .contains("Help link");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    private String signedInAdmin(String name) {
        Api api = Api.newTenant(new Https(port), tenants, accounts, name);
        api.signInAsAdmin();
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        return base;
    }
}

package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Fixtures;
import org.trackwell.tenancy.Tenant;

class SignInJourneyBrowserIT extends BrowserJourney {

    @Test
    void newAdminSetsAPasswordFromTheLinkSignsInAndSignsOut() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("journey"), "Journey Counselling");
        String email = "first.admin@" + tenant.slug() + ".test";
        SetupLink link = accounts.inviteFirstAdmin(tenant, email);
        String base = "https://" + tenant.slug() + ".localhost:" + port;

        browser.get(link.url().replace(":" + tenantPort(link.url()), ":" + port));
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.id("confirmation")).sendKeys("short");
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        Browser.waitUntil(
                browser,
                driver -> driver.findElement(By.id("password-rules")).getText().contains("at least 15 characters"));

        browser.findElement(By.id("password")).sendKeys(Api.GOOD_PASSWORD);
        browser.findElement(By.id("confirmation")).sendKeys(Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        Browser.waitForPath(browser, "/sign-in?ready");

        Browser.signIn(browser, base, email, "not the password");
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("not right");

        String csrfBeforeSignIn =
                browser.manage().getCookieNamed("__Host-trackwell-csrf").getValue();
        Browser.signIn(browser, base, email, Api.GOOD_PASSWORD);
        assertThat(browser.findElement(By.cssSelector(".signed-in-as")).getText())
                .contains("Administrator");
        Cookie session = browser.manage().getCookieNamed("__Host-trackwell-session");
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(browser.manage().getCookieNamed("__Host-trackwell-csrf").getValue())
                .as("a new CSRF token after sign-in")
                .isNotEqualTo(csrfBeforeSignIn);

        Browser.clickAndWait(browser, By.cssSelector("nav form button"));
        Browser.waitForPath(browser, "/sign-in?signedOut");
        Browser.open(browser, base + "/account/password");
        Browser.waitForPath(browser, "/sign-in");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void passwordPageShowsTheRulesAsTheUserTypes() {
        Api api = Api.newTenant(new org.trackwell.support.Https(port), tenants, accounts, "typing");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/account/password");
        browser.findElement(By.id("newPassword")).sendKeys("password");
        Browser.waitUntil(
                browser,
                driver -> driver.findElement(By.id("password-rules")).getText().contains("15 characters"));
        browser.findElement(By.id("newPassword")).sendKeys(" lantern harbour 88 quietly");
        Browser.waitUntil(
                browser,
                driver -> driver.findElement(By.id("password-rules")).getText().contains("meets every rule"));
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    private static String tenantPort(String url) {
        return url.replaceFirst("https://[^:]+:(\\d+)/.*", "$1");
    }
}

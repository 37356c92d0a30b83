package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class UsersPageBrowserIT extends BrowserJourney {

    @Test
    void adminInvitesAPractitionerSeesTheLinkOnceAndDisablesThem() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "userspage");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.linkText("Users"));

        browser.findElement(By.id("team-name")).sendKeys("East Team");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Add team']"));
        browser.findElement(By.id("invite-email"))
                .sendKeys("pat@" + api.tenant().slug() + ".test");
        browser.findElement(By.id("invite-name")).sendKeys("Pat Practitioner");
        browser.findElement(By.cssSelector("input[name=roles][value=PRACTITIONER]"))
                .click();
        browser.findElement(By.cssSelector("input[name=teams]")).click();
        Browser.clickAndWait(browser, By.xpath("//button[text()='Invite']"));

        assertThat(browser.findElement(By.id("setup-link")).getText()).contains("/account/setup?token=");
        assertThat(browser.findElement(By.tagName("table")).getText())
                .contains("Pat Practitioner")
                .contains("Practitioner")
                .contains("East Team")
                .contains("Invited");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("setup-link"))).isEmpty();

        Browser.clickAndWait(browser, By.linkText("Pat Practitioner"));
        Browser.clickAndWait(browser, By.xpath("//button[text()='Disable']"));
        Browser.waitUntil(
                browser,
                driver -> driver.findElement(By.id("user-status")).getText().equals("Disabled"));
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void theLastAdminCannotRemoveTheirOwnAdminRole() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "lastadmin");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/admin/users");
        Browser.clickAndWait(browser, By.linkText("Administrator"));
        browser.findElement(By.cssSelector("input[name=roles][value=TENANT_ADMIN]"))
                .click();
        browser.findElement(By.cssSelector("input[name=roles][value=MANAGER]")).click();
        browser.findElement(By.xpath("//button[text()='Save roles']")).click();
        assertThat(Browser.confirmationShown(browser)).contains("Remove Administrator from");
        Browser.confirm(browser);
        Browser.waitUntil(
                browser,
                driver -> driver.findElement(By.cssSelector("main .error"))
                        .getText()
                        .contains("last active administrator"));
    }
}

package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

/** Shares its application (mail pointed at a closed port) with InvitationsWithoutMailIT. */
@TestPropertySource(properties = InvitationsWithoutMailIT.MAIL_DOWN)
class InvitationWithoutMailBrowserIT extends BrowserJourney {

    @Test
    void adminInvitesWhileMailIsDownIsToldSoHandsOverTheLinkAndLaterIssuesANewOne() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "nomailpage");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/admin/users");

        browser.findElement(By.id("invite-email"))
                .sendKeys("robin@" + api.tenant().slug() + ".test");
        browser.findElement(By.id("invite-name")).sendKeys("Robin Carer");
        browser.findElement(By.cssSelector("input[name=roles][value=CARER]")).click();
        Browser.clickAndWait(browser, By.xpath("//button[text()='Invite']"));

        assertThat(browser.findElements(By.id("invitation-sent"))).isEmpty();
        assertThat(browser.findElement(By.id("invitation-not-sent")).getText())
                .contains("No e-mail has gone")
                .contains("could not be sent");
        assertThat(browser.findElement(By.id("invitation")).getText()).contains("in person");
        String first = browser.findElement(By.id("setup-link")).getText();
        assertThat(first).contains("/account/setup?token=");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("setup-link"))).isEmpty();

        Browser.clickAndWait(browser, By.linkText("Robin Carer"));
        Browser.clickAndWait(browser, By.id("reissue-invitation"));
        String second = browser.findElement(By.id("setup-link")).getText();
        assertThat(second).contains("/account/setup?token=").isNotEqualTo(first);
        assertThat(browser.findElement(By.id("invitation-not-sent")).getText()).contains("No e-mail has gone");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

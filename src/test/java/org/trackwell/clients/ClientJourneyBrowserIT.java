package org.trackwell.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.trackwell.support.Api;
import org.trackwell.support.Axe;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class ClientJourneyBrowserIT extends BrowserJourney {

    @Test
    void aPractitionerAddsAClientIsWarnedAboutAnIdentifyingNoteAndClosesTheEpisode() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "clientpage");
        String admin = api.signInAsAdmin();
        String email =
                api.newUserInTeam(admin, "Pat Practitioner", api.newTeam(admin, "Wellbeing Team"), "PRACTITIONER");
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, email, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        Browser.open(browser, base + "/clients");
        Browser.clickAndWait(browser, By.id("add-client"));
        browser.findElement(By.id("reference")).sendKeys("WB-2026-17");
        new Select(browser.findElement(By.id("demographic.GENDER"))).selectByVisibleText("Woman");
        Browser.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        String code = browser.findElement(By.id("client-code")).getText();
        assertThat(PseudonymCode.parse(code)).isPresent();
        assertThat(browser.findElement(By.id("demographics")).getText()).contains("Gender", "Woman");

        browser.findElement(By.id("note-text")).sendKeys("Her sister Sarah Thompson rang on 07700 900123.");
        Browser.waitUntil(
                browser,
                driver -> driver.findElement(By.cssSelector("#note-form .identifying-warning"))
                        .getText()
                        .contains("a phone number"));
        Browser.clickAndWait(browser, By.cssSelector("#note-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("#note-form .warning")).getText())
                .contains("a person's name");
        assertThat(browser.findElements(By.cssSelector("#notes li"))).isEmpty();
        browser.findElement(By.id("note-acknowledge")).click();
        Browser.clickAndWait(browser, By.cssSelector("#note-form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("#notes .note-text")).getText())
                .contains("07700 900123");

        browser.findElement(By.id("consent-given")).click();
        Browser.clickAndWait(browser, By.cssSelector("#consent-form button"));
        assertThat(browser.findElement(By.id("consents")).getText()).contains("Research use of anonymised data: given");

        Browser.clickAndWait(browser, By.id("open-episode"));
        assertThat(browser.findElement(By.id("episode-state")).getText()).isEqualTo("Referral");
        new Select(browser.findElement(By.id("reason"))).selectByValue("COMPLETED");
        browser.findElement(By.id("planned")).click();
        browser.findElement(By.cssSelector("#close-episode button")).click();
        assertThat(Browser.confirmationShown(browser)).contains("Close this episode?", "no more sessions or measures");
        assertThat(Axe.seriousViolations(browser))
                .as("axe-core, with the dialog open")
                .isEmpty();
        browser.findElement(By.id("confirm-cancel")).click();
        Browser.waitUntil(
                browser,
                driver -> driver.findElements(By.cssSelector("#confirm-dialog[open]"))
                        .isEmpty());
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("episode-state")).getText())
                .as("cancelled: still open")
                .isEqualTo("Referral");
        new Select(browser.findElement(By.id("reason"))).selectByValue("COMPLETED");
        browser.findElement(By.id("planned")).click();
        browser.findElement(By.cssSelector("#close-episode button")).click();
        Browser.confirm(browser);
        assertThat(browser.findElement(By.id("episode-state")).getText())
                .startsWith("Closed on")
                .contains("(Completed)")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(browser.findElements(By.id("reopen-episode"))).hasSize(1);

        browser.get(base + "/clients/find?q=" + code.toLowerCase().replace("-", "+"));
        Browser.waitForPath(browser, "/clients/" + code);
        assertThat(browser.findElement(By.id("client-code")).getText()).isEqualTo(code);
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

package org.trackwell.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class ClientDetailsBrowserIT extends BrowserJourney {

    @Test
    void aPractitionerChangesAClientsDemographicsIsWarnedAboutANameKeepsWhatTheyTypedAndSeesWhoChangedWhich() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "details");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Ash Team");
        String email = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        String practitioner = api.signIn(email, Api.GOOD_PASSWORD);
        String code = Api.read(api.post(
                        "/api/v1/clients",
                        Api.json(Map.of("teamId", team, "demographics", Map.of("GENDER", "Woman"))),
                        practitioner))
                .get("code")
                .asString();
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, email, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        Browser.open(browser, base + "/clients/" + code);
        assertThat(browser.findElement(By.id("demographics")).getText()).contains("Gender", "Woman");
        Browser.clickAndWait(browser, By.id("details-link"));
        assertThat(browser.findElement(By.id("no-changes")).getText()).contains("No changes");
        Select gender = new Select(browser.findElement(By.id("demographic.GENDER")));
        assertThat(gender.getFirstSelectedOption().getText()).isEqualTo("Woman");
        gender.selectByVisibleText("Non-binary");
        WebElement problems = browser.findElement(By.id("demographic.PRESENTING_PROBLEMS"));
        problems.sendKeys("Low mood since Sarah Thompson left");
        Browser.waitUntil(
                browser,
                driver -> driver.findElements(By.cssSelector("#details-form .identifying-warning")).stream()
                        .anyMatch(warning -> warning.getText().contains("a person's name")));
        Browser.clickAndWait(browser, By.cssSelector("#details-form button[type=submit]"));
        assertThat(browser.findElement(By.id("demographic.PRESENTING_PROBLEMS")).getAttribute("value"))
                .as("what was typed is kept")
                .isEqualTo("Low mood since Sarah Thompson left");
        assertThat(new Select(browser.findElement(By.id("demographic.GENDER")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Non-binary");
        assertThat(api.auditActions()).doesNotContain("client.updated");

        browser.findElement(By.id("acknowledgeIdentifying")).click();
        Browser.clickAndWait(browser, By.cssSelector("#details-form button[type=submit]"));
        assertThat(browser.findElement(By.id("demographics")).getText())
                .contains("Non-binary", "Presenting problems", "Low mood since Sarah Thompson left");
        assertThat(api.auditActions()).contains("client.updated");

        Browser.clickAndWait(browser, By.id("details-link"));
        assertThat(browser.findElement(By.id("changes")).getText())
                .as("who changed which fields, never the values")
                .contains("Pat Practitioner", "Gender, Presenting problems")
                .doesNotContain("Non-binary", "Sarah Thompson");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

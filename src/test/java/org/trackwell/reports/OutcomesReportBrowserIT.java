package org.trackwell.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.outcomes.TherapyRecords;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;

class OutcomesReportBrowserIT extends BrowserJourney {

    @Autowired
    MutableClock clock;

    @Test
    void aManagerFiltersTheOutcomesReportAndOpensTheEpisodesBehindAFigure() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "reportpage");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Talking Therapies East");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        String managerEmail = api.newUserInTeam(admin, "Morgan Manager", team, "MANAGER");
        TherapyRecords records = new TherapyRecords(api, team, practitioner, clock);
        String recovered = records.client();
        String episode = records.openEpisode(recovered, 80);
        String first = records.attendedSession(recovered, 70);
        records.score(recovered, first, "PHQ-9", 15);
        records.score(recovered, first, "GAD-7", 12);
        String last = records.attendedSession(recovered, 60);
        records.score(recovered, last, "PHQ-9", 8);
        records.score(recovered, last, "GAD-7", 6);
        records.closeEpisode(recovered, episode, 50);
        String open = records.client();
        String assessing = records.openEpisode(open, 10);
        api.post(
                "/api/v1/clients/" + open + "/episodes/" + assessing + "/stage",
                Api.json("stage", "ASSESSMENT"),
                practitioner);
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, managerEmail, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        Browser.clickAndWait(browser, By.linkText("Reports"));
        assertThat(browser.findElement(By.id("figure-referrals")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("svg title")).getAttribute("textContent"))
                .isEqualTo("Outcome rates");
        assertThat(browser.findElements(By.cssSelector("svg g"))).hasSize(4);
        assertThat(browser.findElement(By.id("rates")).getText()).contains("Recovery rate 1 1 100.0%");

        new Select(browser.findElement(By.id("team"))).selectByVisibleText("Talking Therapies East");
        new Select(browser.findElement(By.id("stage"))).selectByVisibleText("Assessment");
        Browser.clickAndWait(browser, By.cssSelector("form.filters button"));
        assertThat(browser.getCurrentUrl()).contains("stage=ASSESSMENT");
        assertThat(browser.findElement(By.id("figure-referrals")).getText())
                .as("only the episode at assessment")
                .isEqualTo("1");
        assertThat(new Select(browser.findElement(By.id("stage")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Assessment");

        new Select(browser.findElement(By.id("stage"))).selectByVisibleText("Any stage");
        Browser.clickAndWait(browser, By.cssSelector("form.filters button"));
        Browser.clickAndWait(browser, By.id("figure-recovered"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Recovered");
        assertThat(browser.findElement(By.id("episode-count")).getText()).isEqualTo("1 episode");
        assertThat(browser.findElement(By.id("episodes")).getText())
                .contains(recovered, "Talking Therapies East", "Reliable recovery")
                .doesNotContain(open);
        assertThat(browser.findElement(By.id("download-rows")).getText()).isEqualTo("The download has 1 row.");

        browser.findElement(By.id("format-xlsx")).click();
        browser.findElement(By.id("password")).sendKeys("password1");
        Browser.clickAndWait(browser, By.cssSelector("#download button"));
        assertThat(browser.findElement(By.id("report-error")).getText()).contains("stronger password");
        assertThat(browser.findElement(By.id("format-xlsx")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("episodes")).getText()).contains(recovered);
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

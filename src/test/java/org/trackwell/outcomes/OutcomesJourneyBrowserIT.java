package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class OutcomesJourneyBrowserIT extends BrowserJourney {

    private static final int[] PHQ9 = {2, 2, 1, 2, 1, 1, 2, 1, 0};
    private static final int[] GAD7 = {2, 1, 2, 1, 1, 1, 1};

    @Test
    void aPractitionerRecordsPhq9AndGad7AndTheClientAnswersThroughALinkOnTheirOwnDevice() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "outcomepage");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Talking Therapies West");
        String email = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        String token = api.signIn(email, Api.GOOD_PASSWORD);
        HttpResponse<String> created = api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), token);
        String code = Api.read(created).get("code").asString();
        api.post("/api/v1/clients/" + code + "/episodes", Api.json(Map.of("referredOn", "2026-01-05")), token);
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, email, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        Browser.open(browser, base + "/clients/" + code);
        Browser.clickAndWait(browser, By.id("outcomes-link"));
        Browser.clickAndWait(browser, By.id("record-session"));
        answer("item.", PHQ9);
        Browser.clickAndWait(browser, By.id("save-PHQ-9"));
        assertThat(browser.findElement(By.id("session-done")).getText()).isEqualTo("PHQ-9 recorded: 12 (Moderate).");
        answer("item.", GAD7);
        Browser.clickAndWait(browser, By.id("save-GAD-7"));
        assertThat(browser.findElement(By.id("answered")).getText()).contains("PHQ-9: 12", "GAD-7: 9 (Mild)");

        Browser.clickAndWait(browser, By.id("back-to-outcomes"));
        assertThat(browser.findElements(By.cssSelector("#chart-phq-9 circle"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#chart-phq-9 title")).getAttribute("textContent"))
                .contains("scores by session");

        Browser.clickAndWait(browser, By.id("record-session"));
        Browser.clickAndWait(browser, By.id("show-link"));
        String link = browser.findElement(By.id("client-link")).getAttribute("href");
        assertThat(link).contains("/c/");

        ChromeDriver clientsDevice = Browser.start(390, 844);
        try {
            clientsDevice.get(link);
            Browser.waitUntil(
                    clientsDevice, d -> d.findElements(By.id("send-answers")).size() == 1);
            assertThat(clientsDevice.getPageSource()).doesNotContain(code);
            assertThat(clientsDevice.findElement(By.id("help-link")).getAttribute("href"))
                    .as("the client's help, reached without handing it the link")
                    .endsWith("/help#for-clients");
            assertThat(clientsDevice.findElement(By.id("help-link")).getAttribute("rel"))
                    .isEqualTo("noreferrer");
            for (int i = 0; i < PHQ9.length; i++) {
                clientsDevice
                        .findElement(By.cssSelector("input[name='m.PHQ-9." + (i + 1) + "'][value='1']"))
                        .click();
            }
            for (int i = 0; i < GAD7.length; i++) {
                clientsDevice
                        .findElement(By.cssSelector("input[name='m.GAD-7." + (i + 1) + "'][value='0']"))
                        .click();
            }
            Browser.clickAndWait(clientsDevice, By.id("send-answers"));
            assertThat(clientsDevice.findElement(By.id("thanks")).getText()).isEqualTo("Thank you");
            clientsDevice.get(link);
            Browser.waitUntil(
                    clientsDevice, d -> d.findElements(By.id("link-message")).size() == 1);
            assertThat(clientsDevice.findElement(By.id("link-message")).getText())
                    .contains("already been used");
        } finally {
            clientsDevice.quit();
        }

        Browser.open(browser, base + "/clients/" + code + "/outcomes");
        assertThat(browser.findElements(By.cssSelector("#chart-phq-9 circle"))).hasSize(2);
        assertThat(browser.findElement(By.id("scores-phq-9")).getText())
                .contains("the client, through a link", "9", "Mild");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    private void answer(String prefix, int[] scores) {
        for (int i = 0; i < scores.length; i++) {
            browser.findElement(By.cssSelector("input[name='" + prefix + (i + 1) + "'][value='" + scores[i] + "']"))
                    .click();
        }
    }
}

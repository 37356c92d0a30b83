package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class ApiClientsBrowserIT extends BrowserJourney {

    @Test
    void adminMakesAServiceAccountAfterARefusalSeesItsKeyOnceThenRevokesIt() {
        Https https = new Https(port);
        Api api = Api.newTenant(https, tenants, accounts, "apipage");
        api.newTeam(api.signInAsAdmin(), "North");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-api-clients"));
        assertThat(browser.findElement(By.id("no-api-clients")).getText()).contains("no service accounts");

        browser.findElement(By.id("api-client-name")).sendKeys("Weekly report");
        browser.findElement(By.xpath("//label[contains(., 'North')]/input")).click();
        WebElement expiry = browser.findElement(By.id("api-client-expires"));
        browser.executeScript(
                "arguments[0].value = arguments[1]",
                expiry,
                LocalDate.now(ZoneId.of("Europe/London")).plusDays(30).toString());
        Browser.clickAndWait(browser, By.xpath("//button[text()='Make the service account']"));
        assertThat(browser.findElement(By.id("api-client-error")).getText())
                .contains("at least one thing")
                .contains("Nothing was changed");
        assertThat(browser.findElement(By.id("api-client-name")).getAttribute("value"))
                .isEqualTo("Weekly report");

        browser.findElement(By.id("scope-outcomes-read")).click();
        browser.findElement(By.id("scope-clients-read")).click();
        Browser.clickAndWait(browser, By.xpath("//button[text()='Make the service account']"));
        String key = browser.findElement(By.id("api-client-key")).getText();
        assertThat(key).startsWith("twk_");
        assertThat(api.get("/api/v1/clients", key).statusCode()).isEqualTo(200);

        Browser.clickAndWait(browser, By.id("back-to-api-clients"));
        assertThat(browser.findElement(By.id("api-clients")).getText())
                .contains("Weekly report")
                .contains("North")
                .contains("Active")
                .doesNotContain(key);
        Browser.clickAndWait(browser, By.xpath("//button[starts-with(text(), 'Revoke')]"));
        assertThat(browser.findElement(By.id("api-client-done")).getText()).contains("revoked");
        assertThat(api.get("/api/v1/clients", key).statusCode()).isEqualTo(401);
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

package org.trackwell.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class ExportPagesBrowserIT extends BrowserJourney {

    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            const form = document.getElementById('archive-form');
            const init = arguments[1] ? {method: 'POST', body: new FormData(form)} : {};
            fetch(arguments[0], init)
                .then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('Content-Type'), b.byteLength,
                        new TextDecoder().decode(b.slice(0, 4000))])))
                .catch(e => done([0, String(e), 0, '']));
            """;

    @Test
    void aPractitionerDownloadsAClientsFhirRecordFromTheClientPage() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "fhirpage");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Riverside");
        String email = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        String code = Api.read(api.post(
                        "/api/v1/clients", Api.json(Map.of("teamId", team)), api.signIn(email, Api.GOOD_PASSWORD)))
                .get("code")
                .asString();
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, email, Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/clients/" + code);

        String link = browser.findElement(By.id("fhir-download")).getAttribute("href");
        assertThat(browser.findElement(By.id("fhir-download")).getText()).isEqualTo("Download FHIR record");
        java.util.List<?> fetched = (java.util.List<?>) browser.executeAsyncScript(FETCH, link, false);
        assertThat(fetched.get(0)).isEqualTo(200L);
        assertThat((String) fetched.get(1)).startsWith("application/fhir+json");
        assertThat((String) fetched.get(3)).contains("\"resourceType\":\"Bundle\"", code);
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void anAdminIsToldWhatIsWrongWithThePasswordThenDownloadsTheArchive() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "archivepage");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.linkText("Settings"));
        Browser.clickAndWait(browser, By.id("settings-export"));

        browser.findElement(By.id("password")).sendKeys("quartz meadow falcon 58 harbour");
        browser.findElement(By.id("repeated")).sendKeys("quartz meadow falcon 58 harbor");
        Browser.clickAndWait(browser, By.id("archive-download"));
        assertThat(browser.findElement(By.id("export-error")).getText())
                .contains("not the same")
                .contains("Nothing was exported");

        browser.findElement(By.id("password")).sendKeys("password1");
        browser.findElement(By.id("repeated")).sendKeys("password1");
        Browser.clickAndWait(browser, By.id("archive-download"));
        assertThat(browser.findElement(By.id("export-error")).getText()).contains("Choose a stronger password");
        assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();

        browser.findElement(By.id("password")).sendKeys("quartz meadow falcon 58 harbour");
        browser.findElement(By.id("repeated")).sendKeys("quartz meadow falcon 58 harbour");
        java.util.List<?> fetched =
                (java.util.List<?>) browser.executeAsyncScript(FETCH, "/admin/export/archive", true);
        assertThat(fetched.get(0)).isEqualTo(200L);
        assertThat(fetched.get(1)).isEqualTo("application/pgp-encrypted");
        assertThat((Long) fetched.get(2)).isPositive();
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

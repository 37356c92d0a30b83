package org.trackwell.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;

class MedicationReportBrowserIT extends BrowserJourney {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    MutableClock clock;

    @Test
    void aManagerReadsAdherenceByMedicineTheDosesNotGivenAndTheStockReports() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "medreportpage");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Willow House");
        String managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        String carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        String manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        String medicine = Api.read(api.post(
                        "/api/v1/medicines",
                        Api.json(Map.of("name", "Sertraline", "form", "tablet", "strength", "50 mg", "route", "oral")),
                        manager))
                .get("id")
                .asString();
        Instant due = ZonedDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), LONDON)
                .truncatedTo(ChronoUnit.MINUTES)
                .toInstant();
        HttpResponse<String> prescribed = api.post(
                "/api/v1/clients/" + code + "/prescriptions",
                Api.json(Map.of(
                        "medicineId", medicine,
                        "dose", "1",
                        "unit", "tablets",
                        "startsOn", LocalDate.ofInstant(clock.instant(), LONDON).toString(),
                        "prescriber", "Dr A Example",
                        "kind", "REGULAR",
                        "schedule",
                                Map.of(
                                        "kind",
                                        "TIMES_OF_DAY",
                                        "times",
                                        List.of(due.atZone(LONDON).toLocalTime().toString())))),
                manager);
        assertThat(prescribed.statusCode()).as(prescribed.body()).isEqualTo(201);
        clock.advance(Duration.ofHours(2));
        HttpResponse<String> given = api.post(
                "/api/v1/clients/" + code + "/doses",
                Api.json(Map.of(
                        "prescriptionId",
                        Api.read(prescribed).get("id").asString(),
                        "dueAt",
                        due.toString(),
                        "outcome",
                        "GIVEN",
                        "personConfirmed",
                        true)),
                api.signIn(carerEmail, Api.GOOD_PASSWORD));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, managerEmail, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        Browser.clickAndWait(browser, By.linkText("Reports"));
        Browser.clickAndWait(browser, By.id("nav-adherence"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Medication adherence");
        assertThat(browser.findElement(By.id("adherence")).getText()).contains(code + " 1 1 0 0 100.0%");

        new Select(browser.findElement(By.id("by"))).selectByVisibleText("Medicine");
        Browser.clickAndWait(browser, By.cssSelector("form.filters button"));
        assertThat(browser.getCurrentUrl()).contains("by=medicine");
        assertThat(browser.findElement(By.id("adherence")).getText())
                .contains("Sertraline 50 mg tablet 1 1 0 0 100.0%")
                .doesNotContain(code);

        browser.findElement(By.id("format-xlsx")).click();
        browser.findElement(By.id("password")).sendKeys("password1");
        Browser.clickAndWait(browser, By.cssSelector("#download button"));
        assertThat(browser.findElement(By.id("report-error")).getText()).contains("stronger password");
        assertThat(new Select(browser.findElement(By.id("by")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Medicine");

        new Select(browser.findElement(By.id("medicine"))).selectByVisibleText("Sertraline 50 mg tablet");
        Browser.clickAndWait(browser, By.cssSelector("form.filters button"));
        assertThat(browser.getCurrentUrl()).contains("medicine=" + medicine);
        assertThat(browser.findElement(By.id("adherence")).getText()).contains("Sertraline 50 mg tablet 1 1 0 0");

        Browser.clickAndWait(browser, By.id("nav-missed"));
        assertThat(browser.findElement(By.id("no-doses")).getText())
                .isEqualTo("Every regular dose due in the period was given.");
        Browser.clickAndWait(browser, By.id("nav-controlled-drugs"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Controlled drug register");
        assertThat(browser.findElement(By.id("no-entries")).getText())
                .isEqualTo("No controlled drug stock was held or recorded in the period.");
        Browser.clickAndWait(browser, By.id("nav-stock-discrepancies"));
        assertThat(browser.findElement(By.id("no-discrepancies")).getText())
                .isEqualTo("Every stock count in the period matched the balance.");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

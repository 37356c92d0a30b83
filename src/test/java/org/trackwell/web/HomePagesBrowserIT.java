package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.support.Api;
import org.trackwell.support.Axe;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;

class HomePagesBrowserIT extends BrowserJourney {

    @Autowired
    MutableClock clock;

    @Test
    void eachRoleFindsItsOwnWorkOnTheHomePageAndSomeoneWithTwoRolesSeesBoth() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "home");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Willow Unit");
        String managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        String manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        String carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        String bothEmail = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER", "CARER");
        String practitioner = api.signIn(bothEmail, Api.GOOD_PASSWORD);

        String waiting = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        String mine = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), practitioner))
                .get("code")
                .asString();
        api.post(
                "/api/v1/clients/" + mine + "/episodes",
                Api.json(Map.of(
                        "referredOn",
                        clock.instant().minus(Duration.ofDays(30)).toString().substring(0, 10))),
                practitioner);
        api.post(
                "/api/v1/clients/" + mine + "/sessions",
                Api.json(Map.of(
                        "startsAt",
                        clock.instant()
                                .plus(Duration.ofDays(2))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                        "type",
                        "TREATMENT",
                        "mode",
                        "FACE_TO_FACE")),
                practitioner);
        prescribeEveryHour(api, manager, waiting);
        clock.advance(Duration.ofMinutes(90));
        String base = "https://" + api.host() + ":" + port;

        List<String> inaccessible = new ArrayList<>();
        Browser.signIn(browser, base, carerEmail, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        inaccessible.addAll(Axe.seriousViolations(browser));
        String carerHome = browser.findElement(By.id("main")).getText();
        assertThat(carerHome).contains("Today's medication round", "Willow Unit", "due now or overdue", waiting);
        assertThat(carerHome).doesNotContain("Your caseload", "Set-up tasks", "Open alerts");
        Browser.clickAndWait(browser, By.linkText("Go to the round"));
        assertThat(browser.getCurrentUrl()).contains("/medication/round?team=" + team);
        signOut();

        Browser.signIn(browser, base, bothEmail, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        inaccessible.addAll(Axe.seriousViolations(browser));
        String both = browser.findElement(By.id("main")).getText();
        assertThat(both).contains("Today's medication round", "Your caseload", mine, "PHQ-9");
        assertThat(both.indexOf("Today's medication round")).isLessThan(both.indexOf("Your caseload"));
        signOut();

        Browser.signIn(browser, base, managerEmail, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        inaccessible.addAll(Axe.seriousViolations(browser));
        String managerHome = browser.findElement(By.id("main")).getText();
        assertThat(managerHome)
                .contains("Open alerts", "Your teams' clients", "Waiting for a practitioner", waiting)
                .doesNotContain("Your caseload", "Set-up tasks");
        assertThat(browser.findElement(By.cssSelector(".unallocated")).getText())
                .doesNotContain(mine);
        signOut();

        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        inaccessible.addAll(Axe.seriousViolations(browser));
        String adminHome = browser.findElement(By.id("main")).getText();
        assertThat(adminHome)
                .contains("Set-up tasks", "Give a second person the administrator role", "Security alerts")
                .doesNotContain("Your caseload", "Today's medication round");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
        assertThat(inaccessible).as("axe-core: serious and critical").isEmpty();
    }

    private void signOut() {
        Browser.clickAndWait(browser, By.cssSelector("form[action$='/sign-out'] button"));
    }

    private static void prescribeEveryHour(Api api, String manager, String code) {
        String medicine = Api.read(api.post(
                        "/api/v1/medicines",
                        Api.json(
                                Map.of("name", "Paracetamol", "form", "tablet", "strength", "500 mg", "route", "oral")),
                        manager))
                .get("id")
                .asString();
        List<String> everyHour = IntStream.range(0, 24)
                .mapToObj(h -> String.format("%02d:00", h))
                .toList();
        api.post(
                "/api/v1/clients/" + code + "/prescriptions",
                Api.json(Map.of(
                        "medicineId", medicine,
                        "dose", "2",
                        "unit", "tablets",
                        "startsOn",
                                LocalDate.now(ZoneId.of("Europe/London"))
                                        .minusDays(1)
                                        .toString(),
                        "prescriber", "Dr A Example",
                        "kind", "REGULAR",
                        "schedule", Map.of("kind", "TIMES_OF_DAY", "times", everyHour))),
                manager);
    }
}

package org.trackwell.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestImages;

class MedicationRoundBrowserIT extends BrowserJourney {

    /** Doses are due only from when a prescription is written: time moves on to make some due. */
    @Autowired
    MutableClock clock;

    @Test
    void aCarerRunsTheRoundOnATabletAndRecordsADoseOnceTheyHaveConfirmedThePerson() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "round");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Rowan Unit");
        String manager = api.signIn(api.newUserInTeam(admin, "Mo Manager", team, "MANAGER"), Api.GOOD_PASSWORD);
        String carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
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
        clock.advance(Duration.ofMinutes(90));
        String base = "https://" + api.host() + ":" + port;

        ChromeDriver tablet = Browser.start(820, 1180);
        try {
            Browser.signIn(tablet, base, carerEmail, Api.GOOD_PASSWORD);
            Browser.waitForPath(tablet, "/");
            Browser.open(tablet, base + "/medication/round?team=" + team);
            List<WebElement> due = tablet.findElements(By.cssSelector("#due-now .dose"));
            assertThat(due).isNotEmpty();
            WebElement first = due.getFirst();
            assertThat(first.getText()).contains(code, "Paracetamol 500 mg tablet", "2 tablets");
            assertThat(first.findElement(By.cssSelector(".dose-status")).getText())
                    .isEqualToIgnoringCase(first.getAttribute("class").contains("overdue") ? "Overdue" : "Due");
            WebElement given = first.findElement(By.cssSelector("button.give"));
            assertThat(given.getSize().getHeight()).as("a touch target").isGreaterThanOrEqualTo(44);
            assertThat(given.getSize().getWidth()).isGreaterThanOrEqualTo(44);
            Object overflow = tablet.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(overflow).as("the round fits the tablet's width").isEqualTo(true);

            int before = due.size();
            first.findElement(By.cssSelector(".give-form input[name=personConfirmed]"))
                    .click();
            Browser.clickAndWait(tablet, By.cssSelector("#due-now .dose button.give"));
            assertThat(tablet.findElement(By.id("round-done")).getText()).isEqualTo("Given recorded for " + code + ".");
            assertThat(tablet.findElements(By.cssSelector("#due-now .dose"))).hasSize(before - 1);
            assertThat(tablet.findElement(By.id("recorded")).getText()).contains("Given", code);

            tablet.findElement(By.cssSelector("#due-now .dose summary")).click();
            WebElement notGiven = tablet.findElement(By.cssSelector("#due-now .dose details select"));
            new Select(notGiven).selectByValue("REFUSED");
            tablet.findElement(By.cssSelector("#due-now .dose details input[name=note]"))
                    .sendKeys("Refused until Sarah Thompson visits");
            Browser.waitUntil(
                    tablet,
                    driver -> driver.findElement(By.cssSelector("#due-now .dose details .identifying-warning"))
                            .getText()
                            .contains("a person's name"));
            tablet.findElement(By.cssSelector("#due-now .dose details input[name=personConfirmed]"))
                    .click();
            Browser.clickAndWait(tablet, By.cssSelector("#due-now .dose details button"));
            assertThat(tablet.findElement(By.id("round-error")).getText()).contains("Tick the box");
            WebElement warned = tablet.findElement(By.cssSelector("#due-now .dose details[open]"));
            assertThat(warned.findElement(By.cssSelector("input[name=note]")).getAttribute("value"))
                    .as("what was typed is kept")
                    .isEqualTo("Refused until Sarah Thompson visits");
            warned.findElement(By.cssSelector("input[name=acknowledgeIdentifying]"))
                    .click();
            warned.findElement(By.cssSelector("input[name=personConfirmed]")).click();
            Browser.clickAndWait(tablet, By.cssSelector("#due-now .dose details[open] button"));
            assertThat(tablet.findElement(By.id("recorded")).getText()).contains("Not given (R)");
            assertThat(Browser.consoleProblems(tablet)).isEmpty();
        } finally {
            tablet.quit();
        }
    }

    @Test
    void aManagerIsWarnedBeforeSavingInstructionsThatLookIdentifyingAndKeepsWhatTheyTyped() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "instructions");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Ash Unit");
        String managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        String manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        api.post(
                "/api/v1/medicines",
                Api.json(Map.of("name", "Sertraline", "form", "tablet", "strength", "50 mg", "route", "oral")),
                manager);
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, managerEmail, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        Browser.open(browser, base + "/clients/" + code + "/medication");
        new Select(browser.findElement(By.id("medicineId"))).selectByVisibleText("Sertraline 50 mg tablet");
        browser.findElement(By.id("dose")).sendKeys("1");
        browser.findElement(By.id("unit")).sendKeys("tablet");
        browser.findElement(By.id("times")).sendKeys("08:00");
        browser.findElement(By.id("prescriber")).sendKeys("Dr A Example");
        browser.findElement(By.id("instructions")).sendKeys("With breakfast; Sarah Thompson reminds her");
        Browser.waitUntil(
                browser,
                driver -> driver.findElement(By.cssSelector("#instructions + .identifying-warning"))
                        .getText()
                        .contains("a person's name"));
        Browser.clickAndWait(browser, By.cssSelector("#prescription-form button[type=submit]"));
        assertThat(browser.findElement(By.id("medication-error")).getText()).contains("Tick the box");
        assertThat(browser.findElement(By.id("instructions")).getAttribute("value"))
                .isEqualTo("With breakfast; Sarah Thompson reminds her");
        assertThat(browser.findElement(By.id("prescriber")).getAttribute("value"))
                .isEqualTo("Dr A Example");
        assertThat(browser.findElements(By.cssSelector("#prescriptions tbody tr")))
                .isEmpty();

        browser.findElement(By.id("prescription-acknowledge")).click();
        Browser.clickAndWait(browser, By.cssSelector("#prescription-form button[type=submit]"));
        assertThat(browser.findElement(By.id("prescriptions")).getText())
                .contains("Sertraline", "With breakfast; Sarah Thompson reminds her");
        assertThat(api.auditActions()).contains("pii-warning.overridden", "prescription.started");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void aCarerSeesWhoTheDoseIsForConfirmsThePersonAndSeesThePhotoOnceTheAdminChoosesIt() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "rightperson");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Hazel Unit");
        String manager = api.signIn(api.newUserInTeam(admin, "Mo Manager", team, "MANAGER"), Api.GOOD_PASSWORD);
        String carerEmail = api.newUserInTeam(admin, "Cas Carer", team, "CARER");
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        api.put(
                "/api/v1/clients/" + code + "/identification",
                Api.json(Map.of("preferredName", "Ann", "room", "Room 12")),
                manager);
        api.https()
                .send(api.https()
                        .request(api.host(), "/api/v1/clients/" + code + "/photo", "Authorization", "Bearer " + manager)
                        .header("Content-Type", "image/png")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(TestImages.png(48, 48)))
                        .build());
        String medicine = Api.read(api.post(
                        "/api/v1/medicines",
                        Api.json(Map.of("name", "Ibuprofen", "form", "tablet", "strength", "200 mg", "route", "oral")),
                        manager))
                .get("id")
                .asString();
        api.post(
                "/api/v1/clients/" + code + "/prescriptions",
                Api.json(Map.of(
                        "medicineId", medicine,
                        "dose", "1",
                        "unit", "tablet",
                        "startsOn",
                                LocalDate.now(ZoneId.of("Europe/London"))
                                        .minusDays(1)
                                        .toString(),
                        "prescriber", "Dr A Example",
                        "kind", "PRN",
                        "prn",
                                Map.of(
                                        "indication", "Pain",
                                        "minDose", "1",
                                        "maxDose", "2",
                                        "minIntervalMinutes", 0,
                                        "maxDosesPerDay", 8))),
                manager);
        String base = "https://" + api.host() + ":" + port;

        ChromeDriver tablet = Browser.start(820, 1180);
        try {
            Browser.signIn(tablet, base, carerEmail, Api.GOOD_PASSWORD);
            Browser.waitForPath(tablet, "/");
            Browser.open(tablet, base + "/medication/round?team=" + team);
            WebElement prn = tablet.findElement(By.cssSelector("#as-needed .dose"));
            assertThat(prn.findElement(By.cssSelector(".person-name")).getText())
                    .isEqualTo("Ann — Room 12");
            assertThat(prn.getText()).contains(code, "I have checked this is Ann (Room 12)");
            assertThat(prn.findElements(By.cssSelector("img.client-photo")))
                    .as("the safe default shows no photo")
                    .isEmpty();

            WebElement amount = prn.findElement(By.cssSelector("input[name=amount]"));
            amount.clear();
            amount.sendKeys("1.5");
            Browser.clickAndWait(tablet, By.cssSelector("#as-needed .dose button.give"));
            assertThat(tablet.findElement(By.id("round-error")).getText())
                    .contains("Check that this is the right person");
            assertThat(tablet.findElement(By.cssSelector("#as-needed .dose input[name=amount]"))
                            .getAttribute("value"))
                    .as("what was typed is kept")
                    .isEqualTo("1.5");
            assertThat(api.auditActions()).doesNotContain("dose.recorded");

            tablet.findElement(By.cssSelector("#as-needed .dose input[name=personConfirmed]"))
                    .click();
            Browser.clickAndWait(tablet, By.cssSelector("#as-needed .dose button.give"));
            assertThat(tablet.findElement(By.id("round-done")).getText()).isEqualTo("Given recorded for " + code + ".");
            assertThat(api.auditActions()).contains("dose.recorded");

            Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
            Browser.waitForPath(browser, "/");
            Browser.open(browser, base + "/admin/medication/round-identification");
            assertThat(browser.findElement(By.id("shown-preferred_name")).isSelected())
                    .isTrue();
            assertThat(browser.findElement(By.id("shown-room")).isSelected()).isTrue();
            browser.findElement(By.id("shown-preferred_name")).click();
            browser.findElement(By.id("shown-room")).click();
            browser.findElement(By.id("shown-photo")).click();
            Browser.clickAndWait(browser, By.cssSelector("#round-identification-form button[type=submit]"));
            assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Saved");
            assertThat(browser.findElement(By.id("shown-photo")).isSelected()).isTrue();
            assertThat(Browser.consoleProblems(browser)).isEmpty();

            Browser.open(tablet, base + "/medication/round?team=" + team);
            WebElement shown = tablet.findElement(By.cssSelector("#as-needed .dose"));
            assertThat(shown.findElements(By.cssSelector(".person-name"))).isEmpty();
            assertThat(shown.getText()).doesNotContain("Ann", "Room 12").contains("the person in the photo");
            WebElement photo = shown.findElement(By.cssSelector("img.client-photo"));
            Browser.waitUntil(
                    tablet,
                    driver -> Long.valueOf(48)
                            .equals(((ChromeDriver) driver).executeScript("return arguments[0].naturalWidth", photo)));
            assertThat(Browser.consoleProblems(tablet)).isEmpty();
        } finally {
            tablet.quit();
        }
    }

    @Test
    void aManagerSetsThePreferredNameRoomAndPhotoThatCarersCheckOnTheRound() throws java.io.IOException {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "identify");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Elm Unit");
        String managerEmail = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        String manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("photos");
        java.nio.file.Path notAPhoto =
                java.nio.file.Files.writeString(folder.resolve("notes.txt"), "Not a photo at all");
        java.nio.file.Path photo = java.nio.file.Files.write(folder.resolve("ann.png"), TestImages.png(64, 48));
        java.nio.file.Path tooLarge = java.nio.file.Files.write(
                folder.resolve("large.png"), java.util.Arrays.copyOf(TestImages.png(64, 48), 3 * 1024 * 1024));
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, managerEmail, Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/");
        Browser.open(browser, base + "/clients/" + code);
        Browser.clickAndWait(browser, By.id("identification-link"));
        browser.findElement(By.id("preferredName")).sendKeys("Ann");
        browser.findElement(By.id("room")).sendKeys("Room 12");
        Browser.clickAndWait(browser, By.cssSelector("#identification-form button[type=submit]"));
        assertThat(browser.findElement(By.id("identification-done")).getText())
                .isEqualTo("Preferred name and room saved.");
        assertThat(browser.findElement(By.id("preferredName")).getAttribute("value"))
                .isEqualTo("Ann");
        assertThat(browser.findElement(By.id("room")).getAttribute("value")).isEqualTo("Room 12");

        browser.findElement(By.id("photo")).sendKeys(notAPhoto.toString());
        Browser.clickAndWait(browser, By.cssSelector("#photo-form button[type=submit]"));
        assertThat(browser.findElement(By.id("identification-error")).getText())
                .isEqualTo("That is not a photo: upload a JPEG or PNG image.");
        assertThat(browser.findElement(By.id("no-photo")).getText()).isEqualTo("No photo yet.");

        browser.findElement(By.id("photo")).sendKeys(tooLarge.toString());
        Browser.clickAndWait(browser, By.cssSelector("#photo-form button[type=submit]"));
        assertThat(browser.findElement(By.id("identification-error")).getText())
                .isEqualTo("The photo is too large: it can be at most 2 MB.");

        browser.findElement(By.id("photo")).sendKeys(photo.toString());
        Browser.clickAndWait(browser, By.cssSelector("#photo-form button[type=submit]"));
        assertThat(browser.findElement(By.id("identification-done")).getText()).isEqualTo("Photo saved.");
        WebElement shown = browser.findElement(By.id("client-photo"));
        Browser.waitUntil(
                browser,
                driver -> Long.valueOf(64)
                        .equals(((ChromeDriver) driver).executeScript("return arguments[0].naturalWidth", shown)));

        Browser.clickAndWait(browser, By.cssSelector("#photo-remove-form button[type=submit]"));
        assertThat(browser.findElement(By.id("identification-done")).getText()).isEqualTo("Photo removed.");
        assertThat(browser.findElements(By.id("client-photo"))).isEmpty();
        assertThat(api.auditActions())
                .contains(
                        "client.identification-changed",
                        "client.photo-changed",
                        "client.photo-viewed",
                        "client.photo-removed");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

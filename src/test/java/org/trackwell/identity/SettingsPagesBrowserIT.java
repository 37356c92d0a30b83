package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Api;
import org.trackwell.support.Axe;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class SettingsPagesBrowserIT extends BrowserJourney {

    @Test
    void adminTightensTheSecurityPolicyIsRefusedABadValueAndSeesTheChangeListed() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "policypage");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.linkText("Settings"));
        Browser.clickAndWait(browser, By.id("settings-security-policy"));

        set("minPasswordLength", "7");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-error")).getText())
                .contains("between 15 and 64")
                .contains("Nothing was changed");
        assertThat(browser.findElement(By.id("minPasswordLength")).getAttribute("value"))
                .isEqualTo("7");
        set("idleTimeoutMinutes", "ten");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-error")).getText()).contains("whole number");

        browser.navigate().to(base + "/admin/settings/security-policy");
        assertThat(browser.findElement(By.id("minPasswordLength")).getAttribute("value"))
                .isEqualTo("15");
        set("minPasswordLength", "16");
        browser.findElement(By.id("second-factor-manager")).click();
        browser.findElement(By.xpath("//button[text()='Save']")).click();
        assertThat(Browser.confirmationShown(browser)).contains("Change the security policy?", "from the moment you");
        Browser.confirm(browser);
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Saved");
        assertThat(browser.findElement(By.id("minPasswordLength")).getAttribute("value"))
                .isEqualTo("16");

        Browser.open(browser, base + "/admin/settings/changes");
        String changes = browser.findElement(By.id("changes")).getText();
        assertThat(changes)
                .contains("Security policy: min password length")
                .contains("15")
                .contains("16")
                .contains("Security policy: second factor roles")
                .contains("manager")
                .contains("Administrator");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void adminChangesTheClientMedicationAndOutcomeSettingsEachAfterARefusal() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "modsettings");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/admin/settings");

        Browser.clickAndWait(browser, By.id("settings-clients"));
        browser.findElement(By.id("identifier-nhs_number")).click();
        set("openCaseCap", "0");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-error")).getText())
                .contains("between 1 and 1000")
                .contains("Nothing was changed");
        assertThat(browser.findElement(By.id("identifier-nhs_number")).isSelected())
                .isTrue();
        set("openCaseCap", "25");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Saved");
        assertThat(browser.findElement(By.id("openCaseCap")).getAttribute("value"))
                .isEqualTo("25");

        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-medication"));
        set("timeZone", "Mars/Olympus_Mons");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-error")).getText()).contains("not a time zone");
        set("timeZone", "Europe/London");
        set("toleranceMinutes", "30");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Saved");
        assertThat(browser.findElement(By.id("toleranceMinutes")).getAttribute("value"))
                .isEqualTo("30");

        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-outcomes"));
        set("notSeenWarningDays", "0");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save settings']"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("The not-seen warning must be between 1 and 365");
        set("notSeenWarningDays", "21");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save settings']"));
        assertThat(browser.findElement(By.id("admin-done")).getText()).contains("Settings saved");

        Browser.open(browser, base + "/admin/settings/changes");
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("Client settings: identifiers")
                .contains("nhs number")
                .contains("Client settings: open case cap")
                .contains("Medication settings: tolerance minutes")
                .contains("Outcome settings: not seen warning days");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void adminSwitchesMedicationOffAfterBeingToldItsRecordsAreKeptAndOnAgain() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "modulespage");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-modules"));
        assertThat(browser.findElement(By.id("module-medication")).isSelected()).isTrue();
        assertThat(Axe.seriousViolations(browser)).isEmpty();

        browser.findElement(By.id("module-medication")).click();
        browser.findElement(By.xpath("//button[text()='Save']")).click();
        assertThat(Browser.confirmationShown(browser))
                .contains("Switch off Medication?")
                .contains("Nothing is deleted");
        Browser.confirm(browser);
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Saved");
        assertThat(browser.findElement(By.id("module-medication")).isSelected()).isFalse();
        assertThat(browser.findElements(By.linkText("Medicines"))).isEmpty();
        Browser.open(browser, base + "/medication/medicines");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("There is nothing here");
        assertThat(Browser.consoleProblems(browser))
                .as("only the page switched off, which is not found")
                .allMatch(problem -> problem.contains("/medication/medicines") && problem.contains("404"));

        Browser.open(browser, base + "/admin/settings/modules");
        browser.findElement(By.id("module-medication")).click();
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Saved");
        assertThat(browser.findElements(By.linkText("Medicines"))).isNotEmpty();

        Browser.open(browser, base + "/admin/settings/changes");
        assertThat(browser.findElement(By.id("changes")).getText()).contains("Modules used: medication");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void adminSwitchesAMeasureOffForOneTeamAndSeesTheChangeListed() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "teammeasurespage");
        String admin = api.signInAsAdmin();
        api.newTeam(admin, "Substance Misuse");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-outcomes"));
        assertThat(Axe.seriousViolations(browser)).isEmpty();

        var form = browser.findElement(By.id("teams-off-GAD-7"));
        form.findElement(By.xpath(".//label[span[text()='Substance Misuse']]/input"))
                .click();
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save GAD-7 by team']"));
        assertThat(browser.findElement(By.id("admin-done")).getText()).contains("GAD-7 is off for the teams ticked");
        assertThat(browser.findElement(By.id("teams-off-GAD-7"))
                        .findElement(By.xpath(".//label[span[text()='Substance Misuse']]/input"))
                        .isSelected())
                .isTrue();

        Browser.open(browser, base + "/admin/settings/changes");
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("Measures switched off for teams")
                .contains("Substance Misuse");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    private void set(String field, String value) {
        var input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }
}

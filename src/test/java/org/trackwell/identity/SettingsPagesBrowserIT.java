package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Api;
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
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
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

    private void set(String field, String value) {
        var input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }
}

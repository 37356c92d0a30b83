package org.trackwell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditTrail;
import org.trackwell.database.TenantTransactions;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class ActivityRulePageBrowserIT extends BrowserJourney {

    @Autowired
    Alerts alerts;

    @Autowired
    AuditTrail trail;

    @Autowired
    TenantTransactions transactions;

    @Test
    void tenantAdminTunesTheRulesAndFollowsAnAlertToTheEntriesItRestsOn() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "rulespage");
        api.signInAsAdmin();
        List<UUID> signIns = transactions.inTenant(api.tenant().id(), () -> trail.about(null, 50)).stream()
                .filter(entry -> entry.action().equals("sign-in.signed-in"))
                .map(AuditEntry::id)
                .toList();
        alerts.raise(new NewAlert(
                Optional.of(api.tenant().id()),
                ActivityRule.OUTSIDE_WORKING_HOURS.code(),
                "user:someone",
                "Someone used Trackwell outside the working hours.",
                "Someone",
                Instant.now(),
                signIns,
                Duration.ofDays(1)));

        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.linkText("Alerts"));
        Browser.clickAndWait(browser, By.cssSelector("a.alert-entries"));
        assertThat(browser.findElement(By.id("alert-entries")).getText())
                .contains("Showing only the entries an alert rests on");
        assertThat(browser.findElements(By.cssSelector("#audit-events tbody tr")))
                .hasSize(signIns.size());

        Browser.open(browser, base + "/admin/alerts");
        Browser.clickAndWait(browser, By.id("activity-rules"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Suspicious-activity rules");
        assertThat(browser.findElement(By.id("working-hours")).getText()).contains("Europe/London");
        WebElement exports = browser.findElement(By.id("threshold-exports"));
        assertThat(exports.getAttribute("value")).isEqualTo("3");
        exports.clear();
        exports.sendKeys("10");
        browser.findElement(By.id("enabled-outside-hours")).click();
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save the rules']"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Rules saved.");
        assertThat(browser.findElement(By.id("threshold-exports")).getAttribute("value"))
                .isEqualTo("10");
        assertThat(browser.findElement(By.id("enabled-outside-hours")).isSelected())
                .isFalse();

        for (WebElement day : browser.findElements(By.cssSelector("input[name=day]"))) {
            if (day.isSelected()) {
                day.click();
            }
        }
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save the rules']"));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText())
                .isEqualTo("Working hours: choose at least one working day.");
        assertThat(api.auditActions()).contains("activity-rules.changed", "activity-rules.rule-changed");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

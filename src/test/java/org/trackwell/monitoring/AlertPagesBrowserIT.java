package org.trackwell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditTrail;
import org.trackwell.database.TenantTransactions;
import org.trackwell.monitoring.internal.WebhookSender;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.TestMail;

class AlertPagesBrowserIT extends BrowserJourney {

    @Autowired
    Alerts alerts;

    @Autowired
    WebhookSender sender;

    @Autowired
    AuditTrail trail;

    @Autowired
    TenantTransactions transactions;

    @Test
    void tenantAdminReadsAnAlertAcknowledgesItWithANoteAndAddsAWebhookWhoseSecretIsShownOnce() {
        Https https = new Https(port);
        Api api = Api.newTenant(https, tenants, accounts, "alertpage");
        api.signInAsAdmin();
        // Once: windows are aligned to the epoch, and two instants either side of midnight (UTC) are two windows.
        Instant found = Instant.now();
        Alert raised = alerts.raise(NewAlert.forTenant(
                        api.tenant().id(),
                        "check:AUDIT_TRAIL",
                        "the chain breaks at entry 3",
                        "Audit trail: the chain breaks at entry 3",
                        found,
                        Duration.ofDays(1)))
                .orElseThrow();
        assertThat(alerts.raise(NewAlert.forTenant(
                        api.tenant().id(),
                        "check:AUDIT_TRAIL",
                        "the chain breaks at entry 3",
                        "Audit trail: the chain breaks at entry 3",
                        found,
                        Duration.ofDays(1))))
                .as("one alert per rule, subject and window")
                .isEmpty();
        assertThat(TestMail.to(api.adminEmail()))
                .anySatisfy(mail -> assertThat(TestMail.text(mail)).contains("the chain breaks at entry 3"));

        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.linkText("Alerts"));
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("Audit trail: the chain breaks at entry 3");

        browser.findElement(By.id("note-" + raised.id())).sendKeys("Restored from the backup of 1 Dec");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Acknowledge']"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Alert acknowledged.");
        assertThat(browser.findElement(By.cssSelector(".acknowledged")).getText())
                .contains("Restored from the backup of 1 Dec");
        assertThat(transactions.inTenant(api.tenant().id(), () -> trail.about("alert:" + raised.id(), 10)))
                .extracting(AuditEntry::action)
                .contains("alert.raised", "alert.acknowledged");

        Browser.clickAndWait(browser, By.linkText("Webhooks"));
        browser.findElement(By.id("webhook-url")).sendKeys("ftp://hooks.example.test/trackwell");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Add webhook']"));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("https://");
        assertThat(browser.findElement(By.id("webhook-url")).getDomProperty("value"))
                .as("the address typed is kept")
                .isEqualTo("ftp://hooks.example.test/trackwell");
        browser.findElement(By.id("webhook-url")).clear();
        browser.findElement(By.id("webhook-url")).sendKeys("https://hooks.example.test/trackwell");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Add webhook']"));
        assertThat(browser.findElement(By.id("webhook-secret")).getText()).hasSizeGreaterThan(30);

        alerts.raise(NewAlert.forTenant(
                api.tenant().id(), "test", "a second finding", "A second finding", Instant.now(), Duration.ofDays(1)));
        sender.deliverDue();
        Browser.open(browser, base + "/admin/webhooks");
        assertThat(browser.findElements(By.id("webhook-secret")))
                .as("the secret is shown once")
                .isEmpty();
        assertThat(browser.findElement(By.id("deliveries")).getText())
                .contains("https://hooks.example.test/trackwell")
                .contains("retrying")
                .contains("no answer");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

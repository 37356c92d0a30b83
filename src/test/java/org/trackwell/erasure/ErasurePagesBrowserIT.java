package org.trackwell.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.trackwell.database.TenantTransactions;
import org.trackwell.erasure.internal.ErasureRequests;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;

/**
 * An admin who also manages the team erases a client from the client's page: the confirmation
 * says what will happen, the list says where the request stands in words, another admin approves,
 * and after the grace period the client's page shows only the tombstone. The grace period's page
 * keeps a refused value and says why.
 */
class ErasurePagesBrowserIT extends BrowserJourney {

    @Autowired
    MutableClock clock;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    ErasureRequests erasures;

    @Test
    void anAdminAsksFromTheClientsPageAnotherApprovesAndAfterTheGracePeriodOnlyTheTombstoneIsLeft() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "erasepage");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Riverside");
        String managerEmail = api.newUserInTeam(admin, "Morgan Manager", team, "TENANT_ADMIN", "MANAGER");
        String manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, managerEmail, Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/clients/" + code);
        Browser.clickAndWait(browser, By.id("erase-link"));
        assertThat(browser.findElement(By.id("consequences")).getText())
                .contains("unreadable, forever")
                .contains("What remains")
                .contains("another tenant admin approves")
                .contains("7 days");
        browser.findElement(By.id("reason"))
                .sendKeys("The client asked for erasure and nothing requires us to keep it");
        Browser.clickAndWait(browser, By.id("ask-button"));
        assertThat(browser.findElement(By.id("erasure-done")).getText()).contains("waiting for another tenant admin");
        assertThat(browser.findElement(By.id("erasure-1")).getText())
                .contains("Waiting for approval")
                .contains("Asked for by Morgan Manager on");
        assertThat(browser.findElements(By.id("approve-1")))
                .as("nobody approves their own")
                .isEmpty();

        HttpResponse<String> approved = api.post("/api/v1/erasures/1/approve", "", admin);
        assertThat(approved.statusCode()).isEqualTo(200);
        Browser.open(browser, base + "/admin/erasures");
        assertThat(browser.findElement(By.id("erasure-1")).getText())
                .contains("Approved, in the grace period")
                .contains("Will be erased on")
                .doesNotContain("T0")
                .doesNotContain("IN_GRACE");

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(transactions.inTenant(api.tenant().id(), erasures::eraseDue)).isEqualTo(1);
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, base, managerEmail, Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/clients/" + code);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Client erased")
                .contains("was erased on")
                .contains("by erasure request 1");
        Browser.open(browser, base + "/clients");
        assertThat(browser.findElement(By.id("caseload")).getText())
                .contains(code)
                .containsPattern("Erased on \\d{1,2} [A-Z][a-z]+ \\d{4}, by erasure request 1");
        Browser.open(browser, base + "/admin/erasures");
        assertThat(browser.findElement(By.id("erasure-1")).getText()).contains("Erased on");
        assertThat(browser.findElements(By.id("certificate-1"))).hasSize(1);

        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-erasure"));
        var days = browser.findElement(By.id("graceDays"));
        days.clear();
        days.sendKeys("0");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-error")).getText())
                .contains("between 1 and 90")
                .contains("Nothing was changed");
        assertThat(browser.findElement(By.id("graceDays")).getAttribute("value"))
                .isEqualTo("0");
        days = browser.findElement(By.id("graceDays"));
        days.clear();
        days.sendKeys("10");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("wait 10 days");
        assertThat(Browser.consoleProblems(browser))
                .as("nothing but the tombstone's own 410")
                .allMatch(problem -> problem.contains("/clients/" + code) && problem.contains("status of 410"));
    }

    @Test
    void theRetentionPagesKeepARefusedValueAndSayWhatIsDue() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "retainpage");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.open(browser, base + "/admin/settings");
        Browser.clickAndWait(browser, By.id("settings-retention"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Records Management Code of Practice")
                .contains("a tenant admin must still approve each one");
        var years = browser.findElement(By.id("adultYears"));
        years.clear();
        years.sendKeys("0");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-error")).getText())
                .contains("between 1 and 100")
                .contains("Nothing was changed");
        assertThat(browser.findElement(By.id("adultYears")).getAttribute("value"))
                .isEqualTo("0");
        years = browser.findElement(By.id("adultYears"));
        years.clear();
        years.sendKeys("20");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Save']"));
        assertThat(browser.findElement(By.id("settings-done")).getText()).contains("Saved");
        assertThat(browser.findElement(By.id("adultYears")).getAttribute("value"))
                .isEqualTo("20");

        Browser.open(browser, base + "/admin/retention");
        assertThat(browser.findElement(By.id("none-due")).getText()).contains("No client's record is due");
        browser.findElement(By.id("client")).sendKeys("ZZZ-ZZZZ");
        browser.findElement(By.id("reason")).sendKeys("A complaint about it is still open");
        Browser.clickAndWait(browser, By.id("extend-button"));
        assertThat(browser.findElement(By.id("retention-error")).getText()).isNotEmpty();
        assertThat(browser.findElement(By.id("reason")).getAttribute("value"))
                .isEqualTo("A complaint about it is still open");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }
}

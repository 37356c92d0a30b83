package org.trackwell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

class AuditPageBrowserIT extends BrowserJourney {

    @Test
    void auditorFiltersTheTrailAndExportsItAsCsv() {
        Https https = new Https(port);
        Api api = Api.newTenant(https, tenants, accounts, "auditpage");
        String admin = api.signInAsAdmin();
        String auditor = api.newUser(admin, "Audrey Auditor", "AUDITOR");
        https.postJson(
                api.host(),
                "/api/v1/auth/login",
                Api.json("email", api.adminEmail(), "password", "a wrong password"),
                "User-Agent",
                "=SUM(1+1)");
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, auditor, Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.linkText("Audit trail"));
        assertThat(browser.findElement(By.id("audit-events")).getText()).contains("user.invited");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("outcome"))).selectByValue("FAILED");
        Browser.clickAndWait(browser, By.xpath("//button[text()='Filter']"));
        String filtered = browser.findElement(By.id("audit-events")).getText();
        assertThat(filtered).contains("sign-in.failed").doesNotContain("user.invited");
        assertThat(Browser.consoleProblems(browser)).isEmpty();

        String exportPath =
                browser.findElement(By.id("export-csv")).getAttribute("href").replace(base, "");
        String token = api.signIn(auditor, Api.GOOD_PASSWORD);
        HttpResponse<String> csv = https.get(api.host(), exportPath, "Cookie", "__Host-trackwell-session=" + token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body())
                .startsWith("occurredAt,actorType")
                .contains("sign-in.failed")
                .doesNotContain("user.invited");
        assertThat(csv.body()).contains("'=SUM(1+1)").doesNotContain(",=SUM");
    }

    @Test
    void practitionersCannotOpenTheAuditTrail() {
        Https https = new Https(port);
        Api api = Api.newTenant(https, tenants, accounts, "noaudit");
        String practitioner =
                api.signIn(api.newUser(api.signInAsAdmin(), "Pat Nosy", "PRACTITIONER"), Api.GOOD_PASSWORD);
        HttpResponse<String> page =
                https.get(api.host(), "/audit", "Cookie", "__Host-trackwell-session=" + practitioner);
        assertThat(page.statusCode()).isEqualTo(403);
    }
}

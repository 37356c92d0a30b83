package org.trackwell.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Axe;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;

/** Mail points at a closed port (as in InvitationsWithoutMailIT), so invitations show their link. */
@TestPropertySource(properties = "trackwell.test.mail-port=1")
class ImplementationSurveyBrowserIT extends BrowserJourney {

    private static final String SESSION = "__Host-trackwell-session";

    @Test
    void firstAdminAnswersTheSurveyAppliesItAndKeepsTheRecord() throws Exception {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "survey");
        String base = "https://" + api.host() + ":" + port;
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitUntil(
                browser, d -> d.findElement(By.tagName("main")).getText().contains("Answer the implementation survey"));
        Browser.open(browser, base + "/admin/setup");

        next();
        assertThat(error()).contains("Choose the kind of service");
        browser.findElement(By.id("kind-residential_care")).click();
        next();

        assertThat(browser.findElement(By.id("medication")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("outcomes")).isSelected()).isFalse();
        browser.findElement(By.id("outcomes")).click();
        next();

        assertThat(browser.findElement(By.id("identifiers-allowed")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.id("identifier-nhs_number")).isSelected())
                .isTrue();
        browser.findElement(By.id("identifier-phone")).click();
        next();

        assertThat(value("idleTimeoutMinutes")).isEqualTo("15");
        assertThat(browser.findElement(By.id("second-factor-carer")).isSelected())
                .isTrue();
        // This admin has no second factor: left off for admins, the set-up page would take every
        // request that follows.
        browser.findElement(By.id("second-factor-tenant_admin")).click();
        set("minPasswordLength", "7");
        next();
        assertThat(error()).contains("between 15 and 64").contains("Nothing was saved");
        assertThat(value("minPasswordLength")).isEqualTo("7");
        set("minPasswordLength", "16");
        next();

        var types = browser.findElement(By.id("sessionTypes"));
        assertThat(types.getAttribute("value")).contains("Assessment");
        types.sendKeys(", Residents' meeting");
        next();
        browser.findElement(By.id("teams")).sendKeys("Oak House");
        browser.findElement(By.id("invite-0-name")).sendKeys("Robin Carer");
        browser.findElement(By.id("invite-0-email"))
                .sendKeys("robin@" + api.tenant().slug() + ".test");
        new Select(browser.findElement(By.id("invite-0-role"))).selectByVisibleText("Carer");
        browser.findElement(By.id("invite-0-team")).sendKeys("Oak House");
        next();

        assertThat(browser.findElement(By.id("survey-answers")).getText())
                .contains("Residential care", "Phone number", "Robin Carer", "Oak House", "Residents' meeting");
        browser.findElement(By.xpath("//button[text()='Apply']")).click();
        assertThat(Browser.confirmationShown(browser)).contains("Apply the survey's answers?");
        Browser.confirm(browser);
        assertThat(browser.findElements(By.id("survey-done")))
                .as(browser.getCurrentUrl()
                        + browser.findElement(By.tagName("body")).getText())
                .isNotEmpty();

        assertThat(browser.findElement(By.id("survey-done")).getText()).contains("Applied");
        assertThat(Axe.seriousViolations(browser)).isEmpty();
        assertThat(browser.findElement(By.className("setup-link")).getText()).contains("/account/setup?token=");
        String record = browser.findElement(By.tagName("main")).getText();
        assertThat(record)
                .contains("Kind of service: Residential care")
                .contains("Modules used: Outcome measures, Medication")
                .contains("Shortest password: 16 characters")
                .contains("Sign out after 15 idle minutes")
                .contains("Phone number")
                .contains("Oak House")
                .contains("No setting has been changed since");

        Browser.open(browser, base + "/admin/settings/security-policy");
        assertThat(value("idleTimeoutMinutes")).isEqualTo("15");
        assertThat(value("minPasswordLength")).isEqualTo("16");
        set("idleTimeoutMinutes", "10");
        browser.findElement(By.xpath("//button[text()='Save']")).click();
        Browser.confirm(browser);
        Browser.open(browser, base + "/admin/settings/implementation-record");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Sign out after 10 idle minutes")
                .contains("security policy: idle timeout minutes from 15 to 10");
        Browser.open(browser, base + "/admin/users");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Robin Carer");

        String token = browser.manage().getCookieNamed(SESSION).getValue();
        assertThat(pdfText(api, token))
                .contains("Implementation record")
                .contains("Residential care")
                .contains("Shortest password: 16 characters")
                .contains("idle timeout minutes from 15 to 10")
                .contains("Oak House");

        Browser.open(browser, base + "/admin/setup?step=4");
        assertThat(value("minPasswordLength")).isEqualTo("16");
        Browser.open(browser, base + "/admin/setup");
        assertThat(browser.findElement(By.id("kind-residential_care")).isSelected())
                .isTrue();
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void onlyTenantAdminsReachTheSurveyAndTheRecord() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "surveyrole");
        String manager = api.signIn(api.newUser(api.signInAsAdmin(), "Morgan Manager", "MANAGER"), Api.GOOD_PASSWORD);
        for (String path :
                new String[] {"/admin/setup", "/admin/setup/summary", "/admin/settings/implementation-record/pdf"}) {
            HttpResponse<String> response = api.https().get(api.host(), path, "Cookie", SESSION + "=" + manager);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
    }

    private String pdfText(Api api, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> pdf = api.https()
                .download(api.host(), "/admin/settings/implementation-record/pdf", "Cookie", SESSION + "=" + token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile("record", ".pdf");
        try {
            Files.write(file, pdf.body());
            Process pdftotext = new ProcessBuilder("pdftotext", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pdftotext.waitFor()).as(text).isZero();
            return text.replaceAll("\\s+", " ");
        } finally {
            Files.delete(file);
        }
    }

    private void next() {
        Browser.clickAndWait(browser, By.id("survey-next"));
    }

    private String error() {
        return browser.findElement(By.id("survey-error")).getText();
    }

    private String value(String field) {
        return browser.findElement(By.id(field)).getAttribute("value");
    }

    private void set(String field, String value) {
        var input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }
}

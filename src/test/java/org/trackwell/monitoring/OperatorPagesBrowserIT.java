package org.trackwell.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Api;
import org.trackwell.support.Axe;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Fixtures;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.Oathtool;

class OperatorPagesBrowserIT extends BrowserJourney {

    private static final String OPERATOR_HOST = "localhost";

    @Autowired
    Alerts alerts;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Test
    void operatorSignsInWithACodeAcknowledgesAnInstallationAlertReadsHealthAndReachesNoServicePage() {
        Https https = new Https(port);
        String email = Fixtures.uniqueSlug("ops") + "@operators.test";
        String secret = operatorWithAuthenticator(https, email);
        Alert raised = alerts.raise(NewAlert.forOperators(
                        "check:SCHEMA",
                        "trigger dropped " + email,
                        "Database schema: a trigger was dropped (" + email + ")",
                        clock.instant(),
                        Duration.ofDays(1)))
                .orElseThrow();

        String base = "https://" + OPERATOR_HOST + ":" + port;
        Browser.open(browser, base + "/sign-in");
        Browser.waitForPath(browser, "/operator/sign-in");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("not the password");
        Browser.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("email")).getDomProperty("value")).isEqualTo(email);

        browser.findElement(By.id("password")).sendKeys(Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        clock.advance(Duration.ofSeconds(30));
        browser.findElement(By.id("code")).sendKeys(Oathtool.totp(secret, clock.instant()));
        Browser.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
        Browser.waitForPath(browser, "/operator/alerts");
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("a trigger was dropped");
        assertThat(Axe.seriousViolations(browser)).isEmpty();

        browser.findElement(By.id("note-" + raised.id())).sendKeys("   ");
        Browser.clickAndWait(browser, By.xpath("//li[.//*[contains(text(),'" + email + "')]]//button"));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText())
                .as("the API's rule: a note of what was done")
                .contains("note");
        browser.findElement(By.id("note-" + raised.id())).sendKeys("Trigger restored from the migration");
        Browser.clickAndWait(browser, By.xpath("//li[.//*[contains(text(),'" + email + "')]]//button"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Alert acknowledged.");
        assertThat(browser.findElement(By.cssSelector(".acknowledged")).getText())
                .contains("Trigger restored from the migration");

        Browser.clickAndWait(browser, By.linkText("Installation health"));
        assertThat(browser.findElement(By.id("health-database")).getText()).startsWith("Up");
        assertThat(Axe.seriousViolations(browser)).isEmpty();

        Browser.open(browser, base + "/clients");
        Browser.waitForPath(browser, "/operator/sign-in");
        Browser.open(browser, base + "/admin/alerts");
        Browser.waitForPath(browser, "/operator/sign-in");

        Browser.open(browser, base + "/operator/health");
        Browser.clickAndWait(browser, By.xpath("//button[normalize-space()='Sign out']"));
        Browser.waitForPath(browser, "/operator/sign-in?signedOut");
        Browser.open(browser, base + "/operator/alerts");
        Browser.waitForPath(browser, "/operator/sign-in");
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    private String operatorWithAuthenticator(Https https, String email) {
        StringWriter out = new StringWriter();
        OperatorCommandLine.execute(
                context,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                "operator",
                "add",
                "--email",
                email);
        String token = out.toString()
                .replaceAll("(?s).*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1")
                .strip();
        https.postJson(
                OPERATOR_HOST, "/api/v1/operator/setup", Api.json("token", token, "password", Api.GOOD_PASSWORD));
        String session = Api.read(https.postJson(
                        OPERATOR_HOST,
                        "/api/v1/operator/login",
                        Api.json("email", email, "password", Api.GOOD_PASSWORD)))
                .get("token")
                .asString();
        HttpResponse<String> started = https.send(
                https.request(OPERATOR_HOST, "/api/v1/operator/mfa/totp", "Authorization", "Bearer " + session)
                        .POST(BodyPublishers.noBody())
                        .build());
        String secret = Api.read(started).get("secret").asString();
        HttpResponse<String> confirmed = https.send(https.request(
                        OPERATOR_HOST,
                        "/api/v1/operator/mfa/totp/confirm",
                        "Authorization",
                        "Bearer " + session,
                        "Content-Type",
                        "application/json")
                .POST(BodyPublishers.ofString(Api.json("code", Oathtool.totp(secret, clock.instant()))))
                .build());
        assertThat(confirmed.statusCode()).isEqualTo(204);
        return secret;
    }
}

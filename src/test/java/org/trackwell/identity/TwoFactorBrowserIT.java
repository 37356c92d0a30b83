package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.identity.internal.Totp;
import org.trackwell.support.Api;
import org.trackwell.support.Api.Authenticator;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestMail;

@TestPropertySource(properties = "trackwell.identity.default-second-factor-roles=TENANT_ADMIN")
class TwoFactorBrowserIT extends BrowserJourney {

    @Autowired
    MutableClock clock;

    @Test
    void anAdminSetsUpAnAuthenticatorSignsInWithItAndWithARecoveryCode() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "mfapage");
        String base = "https://" + api.host() + ":" + port;

        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/account/two-factor");
        assertThat(browser.findElement(By.id("two-factor-required")).getText()).contains("requires");
        Browser.clickAndWait(browser, By.id("start-totp"));
        String secret = browser.findElement(By.id("totp-secret")).getText();
        WebElement qr = browser.findElement(By.cssSelector("img[alt^='QR code']"));
        Browser.waitUntil(
                browser,
                driver -> ((Number) browser.executeScript("return arguments[0].naturalWidth", qr)).intValue() > 0);

        browser.findElement(By.id("code")).sendKeys("000000");
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.id("two-factor-error")).getText()).contains("not right");
        browser.findElement(By.id("code")).sendKeys(code(secret));
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        List<String> recoveryCodes = browser.findElements(By.cssSelector("#recovery-codes code")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(recoveryCodes).hasSize(10);
        Browser.clickAndWait(browser, By.id("continue"));
        Browser.open(browser, base + "/admin/users");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users");

        signOut();
        clock.advance(Duration.ofSeconds(30));
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitUntil(
                browser,
                driver -> !driver.findElements(By.cssSelector("input[name=challenge]"))
                        .isEmpty());
        browser.findElement(By.id("code")).sendKeys(code(secret));
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.cssSelector(".signed-in-as")).getText())
                .contains("Administrator");

        signOut();
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitUntil(
                browser,
                driver -> !driver.findElements(By.cssSelector("input[name=challenge]"))
                        .isEmpty());
        browser.findElement(By.id("code")).sendKeys(recoveryCodes.get(3));
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        Browser.open(browser, base + "/account/two-factor");
        assertThat(browser.findElement(By.id("recovery-codes-left")).getText()).isEqualTo("9");

        clock.advance(Duration.ofMinutes(6));
        Browser.clickAndWait(browser, By.cssSelector("form[action$='recovery-codes'] button"));
        assertThat(browser.getCurrentUrl()).contains("/account/confirm?next=");
        browser.findElement(By.id("password")).sendKeys("not my password");
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.id("confirm-error")).getText()).contains("not right");
        browser.findElement(By.id("password")).sendKeys(Api.GOOD_PASSWORD);
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        Browser.waitForPath(browser, "/account/two-factor");
        Browser.clickAndWait(browser, By.cssSelector("form[action$='recovery-codes'] button"));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes code"))).hasSize(10);
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetThroughTheEmailedLinkWithTheSecondFactor() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "forgot");
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        clock.advance(Duration.ofSeconds(30));
        String base = "https://" + api.host() + ":" + port;

        Browser.open(browser, base + "/sign-in");
        Browser.clickAndWait(browser, By.linkText("Forgot your password?"));
        browser.findElement(By.id("email")).sendKeys(api.adminEmail());
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        assertThat(browser.findElement(By.id("reset-sent")).getText()).contains("on its way");

        String mail = TestMail.text(TestMail.to(api.adminEmail()).stream()
                .filter(message -> subject(message).equals("Reset your Trackwell password"))
                .findFirst()
                .orElseThrow());
        String token = Api.tokenOf(mail);
        Browser.open(browser, base + "/account/reset?token=" + token);
        browser.findElement(By.id("password")).sendKeys(Api.OTHER_GOOD_PASSWORD);
        browser.findElement(By.id("confirmation")).sendKeys(Api.OTHER_GOOD_PASSWORD);
        browser.findElement(By.id("code")).sendKeys(app.codeAt(clock.instant()));
        Browser.clickAndWait(browser, By.cssSelector("main form button"));
        Browser.waitForPath(browser, "/sign-in?reset");

        Browser.signIn(browser, base, api.adminEmail(), Api.OTHER_GOOD_PASSWORD);
        Browser.waitUntil(
                browser,
                driver -> !driver.findElements(By.cssSelector("input[name=challenge]"))
                        .isEmpty());
        assertThat(Browser.consoleProblems(browser)).isEmpty();
    }

    private String code(String secret) {
        return Totp.code(Totp.fromBase32(secret), Totp.step(clock.instant()), 6);
    }

    private void signOut() {
        Browser.clickAndWait(browser, By.cssSelector("nav form button"));
        Browser.waitForPath(browser, "/sign-in?signedOut");
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

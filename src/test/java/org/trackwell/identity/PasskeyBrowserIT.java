package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Browser;
import org.trackwell.support.BrowserJourney;
import org.trackwell.support.Https;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys in a real browser: Chromium's virtual authenticator (WebDriver's WebAuthn extension)
 * stands in for the device's platform authenticator; the server verifies with webauthn4j.
 */
@TestPropertySource(properties = "trackwell.identity.default-second-factor-roles=TENANT_ADMIN")
class PasskeyBrowserIT extends BrowserJourney {

    @Test
    void anAdminAddsAPasskeyInsteadOfAnAppSignsInWithItAndRemovesIt() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "passkey");
        String base = "https://" + api.host() + ":" + port;
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));

        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/account/two-factor");
        assertThat(browser.findElement(By.id("two-factor-required")).getText()).contains("requires");
        browser.findElement(By.id("passkey-name")).sendKeys("Work laptop");
        browser.findElement(By.id("add-passkey")).click();
        Browser.waitUntil(
                browser,
                d -> !d.findElements(By.cssSelector("#passkey-list .passkey-name"))
                        .isEmpty());
        assertThat(browser.findElement(By.id("passkey-list")).getText()).contains("Work laptop");
        assertThat(browser.findElement(By.id("two-factor-on-passkeys")).getText())
                .contains("on with your passkeys");
        assertThat(authenticator.getCredentials()).hasSize(1);
        Browser.open(browser, base + "/admin/users");
        assertThat(browser.getCurrentUrl()).as("no longer held at enrolment").endsWith("/admin/users");

        Browser.clickAndWait(browser, By.cssSelector("form[action='/sign-out'] button"));
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitUntil(browser, d -> !d.findElements(By.id("use-passkey")).isEmpty());
        browser.findElement(By.id("use-passkey")).click();
        Browser.waitForPath(browser, "/");
        assertThat(browser.findElements(By.cssSelector("form[action='/sign-out']")))
                .hasSize(1);

        Browser.open(browser, base + "/account/two-factor");
        Browser.clickAndWait(browser, By.cssSelector("#passkey-list form button"));
        assertThat(browser.findElements(By.cssSelector("#passkey-list .passkey-name")))
                .isEmpty();
        assertThat(Browser.consoleProblems(browser)).isEmpty();
        assertThat(api.auditActions()).contains("mfa.passkey-added", "mfa.passkey-removed", "sign-in.signed-in");
    }

    @Test
    void aForgedPasskeyAnswerCountsAsAFailedSecondStep() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "passkeyapi");
        String base = "https://" + api.host() + ":" + port;
        ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
        Browser.signIn(browser, base, api.adminEmail(), Api.GOOD_PASSWORD);
        Browser.waitForPath(browser, "/account/two-factor");
        browser.findElement(By.id("add-passkey")).click();
        Browser.waitUntil(
                browser,
                d -> !d.findElements(By.cssSelector("#passkey-list .passkey-name"))
                        .isEmpty());

        String challenge = api.challenge(api.adminEmail(), Api.GOOD_PASSWORD);
        HttpResponse<String> options =
                api.post("/api/v1/auth/login/passkey/options", Api.json(Map.of("challenge", challenge)), null);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode ceremony = Api.read(options);
        assertThat(ceremony.get("options").get("allowCredentials")).hasSize(1);
        String credentialId =
                ceremony.get("options").get("allowCredentials").get(0).get("id").asString();
        Map<String, Object> forged = Map.of(
                "id",
                credentialId,
                "rawId",
                credentialId,
                "type",
                "public-key",
                "response",
                Map.of(
                        "clientDataJSON", "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0",
                        "authenticatorData", "AAAA",
                        "signature", "AAAA"),
                "clientExtensionResults",
                Map.of());
        HttpResponse<String> refused = api.post(
                "/api/v1/auth/login/passkey",
                Api.json(Map.of(
                        "challenge", challenge, "ceremony", ceremony.get("id").asString(), "credential", forged)),
                null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(api.auditActions()).contains("sign-in.second-factor-failed");
        assertThat(api.post("/api/v1/auth/login/passkey/options", Api.json(Map.of("challenge", "made-up")), null)
                        .statusCode())
                .isEqualTo(401);
    }
}

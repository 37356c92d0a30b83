package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Api;
import org.trackwell.support.Api.Authenticator;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestMail;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class PasswordResetIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void tenant() {
        api = Api.newTenant(new Https(port), tenants, accounts, "reset");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAccountExists() {
        HttpResponse<String> known = requestReset(api.adminEmail());
        HttpResponse<String> unknown = requestReset("nobody@" + api.tenant().slug() + ".test");

        assertThat(known.statusCode()).isEqualTo(202).isEqualTo(unknown.statusCode());
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(TestMail.to("nobody@" + api.tenant().slug() + ".test")).isEmpty();
        assertThat(resetMails(api.adminEmail())).hasSize(1);
    }

    @Test
    void theLinkSetsANewPasswordOnceAndSignsOutEverySession() {
        String oldSession = api.signInAsAdmin();
        requestReset(api.adminEmail());
        String token = Api.tokenOf(TestMail.text(resetMails(api.adminEmail()).getLast()));

        assertThat(complete(token, Api.OTHER_GOOD_PASSWORD, null).statusCode()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", oldSession).statusCode()).isEqualTo(401);
        assertThat(api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api.login(api.adminEmail(), Api.OTHER_GOOD_PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(complete(token, Api.GOOD_PASSWORD, null).statusCode())
                .as("used once")
                .isEqualTo(400);
    }

    @Test
    void theLinkExpiresAfterThirtyMinutesAndANewerLinkReplacesIt() {
        requestReset(api.adminEmail());
        String first = Api.tokenOf(TestMail.text(resetMails(api.adminEmail()).getLast()));
        requestReset(api.adminEmail());
        String second = Api.tokenOf(TestMail.text(resetMails(api.adminEmail()).getLast()));

        assertThat(complete(first, Api.OTHER_GOOD_PASSWORD, null).statusCode()).isEqualTo(400);
        clock.advance(Duration.ofMinutes(31));
        assertThat(complete(second, Api.OTHER_GOOD_PASSWORD, null).statusCode()).isEqualTo(400);
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStillWorks() {
        requestReset(api.adminEmail());
        String token = Api.tokenOf(TestMail.text(resetMails(api.adminEmail()).getLast()));

        HttpResponse<String> weak = complete(token, "password", null);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(complete(token, Api.OTHER_GOOD_PASSWORD, null).statusCode()).isEqualTo(204);
    }

    @Test
    void theLinkAsksForTheSecondFactorIfTheUserHasOne() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        clock.advance(Duration.ofSeconds(30));
        requestReset(api.adminEmail());
        String token = Api.tokenOf(TestMail.text(resetMails(api.adminEmail()).getLast()));

        assertThat(complete(token, Api.OTHER_GOOD_PASSWORD, null).statusCode()).isEqualTo(401);
        assertThat(complete(token, Api.OTHER_GOOD_PASSWORD, "123456").statusCode())
                .isEqualTo(401);
        assertThat(complete(token, Api.OTHER_GOOD_PASSWORD, app.codeAt(clock.instant()))
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void requestsAreLimitedPerAccountQuietlyAndPerAddressOpenly() {
        for (int i = 0; i < 5; i++) {
            assertThat(requestReset(api.adminEmail()).statusCode()).isEqualTo(202);
        }
        assertThat(resetMails(api.adminEmail())).as("three an hour per account").hasSize(3);

        for (int i = 0; i < 5; i++) {
            assertThat(requestReset("someone" + i + "@elsewhere.test").statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> eleventh = requestReset(api.adminEmail());
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> requestReset(String email) {
        return api.post("/api/v1/auth/password-reset", Api.json("email", email), null);
    }

    private HttpResponse<String> complete(String token, String password, String code) {
        return api.post(
                "/api/v1/auth/password-reset/complete",
                code == null
                        ? Api.json("token", token, "password", password)
                        : Api.json("token", token, "password", password, "code", code),
                null);
    }

    private static List<MimeMessage> resetMails(String email) {
        return TestMail.to(email).stream()
                .filter(mail -> {
                    try {
                        return mail.getSubject().equals("Reset your Trackwell password");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}

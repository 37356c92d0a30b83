package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestMail;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
@ExtendWith(OutputCaptureExtension.class)
class SignInIT {

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
        api = Api.newTenant(new Https(port), tenants, accounts, "signin");
    }

    @Test
    void signsInAndSaysWhoTheTokenBelongsTo() {
        HttpResponse<String> login = api.login(api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        var body = Api.read(login);
        assertThat(body.get("token").asString()).hasSize(43);
        assertThat(body.get("idleTimeoutSeconds").asInt()).isEqualTo(1200);
        assertThat(body.has("expiresAt")).isTrue();

        HttpResponse<String> me = api.get("/api/v1/me", body.get("token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Api.read(me).get("email").asString()).isEqualTo(api.adminEmail());
        assertThat(Api.read(me).get("roles").get(0).asString()).isEqualTo("TENANT_ADMIN");
    }

    @Test
    void emailIsMatchedWithoutRegardToCase() {
        assertThat(api.login(api.adminEmail().toUpperCase(), Api.GOOD_PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownAccountAndWrongPasswordGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = api.login(api.adminEmail(), "not the password at all, sorry");
        HttpResponse<String> unknown = api.login("nobody@" + api.tenant().slug() + ".test", Api.GOOD_PASSWORD);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body().replace("nobody", "x"))
                .isEqualTo(wrongPassword.body().replace("nobody", "x"));
        assertThat(unknown.headers().firstValue("Content-Type"))
                .isEqualTo(wrongPassword.headers().firstValue("Content-Type"));
    }

    @Test
    void logoutRevokesTheToken() {
        String token = api.signInAsAdmin();
        assertThat(api.post("/api/v1/auth/logout", "", token).statusCode()).isEqualTo(204);
        HttpResponse<String> after = api.get("/api/v1/me", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void locksAccountAfterFiveFailuresAnswersLikeAWrongPasswordAndTellsTheOwner() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.login(api.adminEmail(), "wrong password number " + i).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = api.login(api.adminEmail(), Api.GOOD_PASSWORD);
        HttpResponse<String> wrong = api.login("nobody@" + api.tenant().slug() + ".test", "x");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(wrong.body());
        assertThat(TestMail.to(api.adminEmail()))
                .anySatisfy(message -> assertThat(message.getSubject()).contains("locked"));
    }

    @Test
    void lockExpiresAfterFifteenMinutesAndTheNextLockLastsTwiceAsLong() {
        failFiveTimes();
        clock.advance(Duration.ofMinutes(14));
        assertThat(api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        failFiveTimes();
        clock.advance(Duration.ofMinutes(29));
        assertThat(api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void adminUnlocksALockedAccount() {
        String admin = api.signInAsAdmin();
        String carer = api.newUser(admin, "Casey Carer", "CARER");
        for (int i = 0; i < 5; i++) {
            api.login(carer, "wrong password " + i);
        }
        assertThat(api.login(carer, Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        String carerId = userId(admin, carer);
        assertThat(Api.read(api.get("/api/v1/users/" + carerId, admin))
                        .get("lockedUntil")
                        .isNull())
                .isFalse();
        assertThat(api.post("/api/v1/users/" + carerId + "/unlock", "", admin).statusCode())
                .isEqualTo(204);
        assertThat(api.login(carer, Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void blocksAnAddressAfterTwentyFailuresAcrossAccountsWith429() {
        for (int i = 0; i < 20; i++) {
            api.login("someone" + i + "@" + api.tenant().slug() + ".test", "guess " + i);
        }
        HttpResponse<String> blocked = api.login(api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(3500L, 3600L));
        assertThat(blocked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        clock.advance(Duration.ofMinutes(61));
        assertThat(api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void neverLogsThePasswordAndALineBreakInTheEmailCannotForgeALogLine(CapturedOutput output) {
        String marker = "PASSWORD-MARKER-" + System.nanoTime();
        api.login("evil@x.test\r\n2026-01-01 INFO forged line", marker);
        String token = api.signInAsAdmin();
        assertThat(output.getAll()).doesNotContain(marker).doesNotContain(token);
        assertThat(output.getAll()).doesNotContainPattern("\\n2026-01-01 INFO forged line");
    }

    private void failFiveTimes() {
        for (int i = 0; i < 5; i++) {
            api.login(api.adminEmail(), "wrong password " + i);
        }
    }

    private String userId(String admin, String email) {
        for (var user : Api.read(api.get("/api/v1/users", admin))) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }
}

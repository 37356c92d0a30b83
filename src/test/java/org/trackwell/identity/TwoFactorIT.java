package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.trackwell.support.Api;
import org.trackwell.support.Api.Authenticator;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestMail;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** Two-factor sign-in from the outside, with the installation's default policy (admins must use it). */
@TrackwellTest
@TestPropertySource(properties = "trackwell.identity.default-second-factor-roles=TENANT_ADMIN")
class TwoFactorIT {

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
        api = Api.newTenant(new Https(port), tenants, accounts, "mfa");
    }

    @Test
    void anAdminMustSetUpASecondFactorBeforeDoingAnythingElse() {
        String token = api.signInAsAdmin();

        HttpResponse<String> users = api.get("/api/v1/users", token);
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(Api.read(users).get("detail").asString()).contains("two-factor");
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(200);

        HttpResponse<String> page =
                api.https().get(api.host(), "/admin/users", "Cookie", "__Host-trackwell-session=" + token);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/account/two-factor");

        Authenticator app = api.enrolTotp(token, clock.instant());
        assertThat(app.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/users", token).statusCode()).isEqualTo(200);
        assertThat(TestMail.to(api.adminEmail())).anyMatch(mail -> subject(mail).equals("Two-factor sign-in is on"));
    }

    @Test
    void enrolmentNeedsARightCodeAndTheSecretIsNeverStoredInTheClear() {
        String token = api.signInAsAdmin();
        HttpResponse<String> started = api.post("/api/v1/me/mfa/totp", "", token);
        String secret = Api.read(started).get("secret").asString();
        assertThat(Api.read(started).get("otpauthUri").asString())
                .startsWith("otpauth://totp/")
                .contains("secret=" + secret)
                .contains("issuer=");

        HttpResponse<String> wrong = api.post("/api/v1/me/mfa/totp/confirm", Api.json("code", "000000"), token);
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(api.get("/api/v1/users", token).statusCode()).isEqualTo(403);
        assertThat(Api.read(api.get("/api/v1/me/mfa", token))
                        .get("authenticatorApp")
                        .asBoolean())
                .isFalse();

        var superuser = org.springframework.jdbc.core.simple.JdbcClient.create(
                org.trackwell.support.TestPostgres.asSuperuser());
        byte[] stored = superuser
                .sql("select secret from totp_factor where tenant_id = ?")
                .param(api.tenant().id().value())
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
    }

    @Test
    void signInWithASecondFactorTakesAChallengeAndACodeFromTheApp() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        clock.advance(Duration.ofSeconds(30));

        HttpResponse<String> login = api.login(api.adminEmail(), Api.GOOD_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(Api.read(login).has("token")).isFalse();
        String challenge = Api.read(login).get("challenge").asString();

        HttpResponse<String> done = api.secondFactor(challenge, app.codeAt(clock.instant()));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", Api.read(done).get("token").asString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.secondFactor(challenge, app.codeAt(clock.instant())).statusCode())
                .as("a challenge is used once")
                .isEqualTo(401);
    }

    @Test
    void aCodeIsAcceptedOnceAndNoEarlierCodeAfterIt() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        clock.advance(Duration.ofSeconds(90));
        String code = app.codeAt(clock.instant());
        String earlier = app.codeAt(clock.instant().minusSeconds(30));

        assertThat(api.secondFactor(api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), code)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> replay = api.secondFactor(api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), code);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(Api.read(replay).get("detail").asString()).contains("code is not right");
        assertThat(api.secondFactor(api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), earlier)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void wrongCodesCountTowardsTheLockLikeWrongPasswords() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        clock.advance(Duration.ofSeconds(60));
        String challenge = api.challenge(api.adminEmail(), Api.GOOD_PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(api.secondFactor(challenge, "00000" + i).statusCode()).isEqualTo(401);
        }

        assertThat(api.secondFactor(challenge, app.codeAt(clock.instant())).statusCode())
                .as("locked: even the right code is refused")
                .isEqualTo(401);
        assertThat(api.login(api.adminEmail(), Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(TestMail.to(api.adminEmail()))
                .anyMatch(mail -> subject(mail).equals("Your Trackwell account has been locked"));
    }

    @Test
    void aChallengeExpiresAfterFiveMinutes() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        String challenge = api.challenge(api.adminEmail(), Api.GOOD_PASSWORD);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(api.secondFactor(challenge, app.codeAt(clock.instant())).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aRecoveryCodeWorksOnceIsRecordedAndTellsTheUser() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        String recovery = app.recoveryCodes().getFirst();

        HttpResponse<String> used =
                api.secondFactor(api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), recovery.toUpperCase());
        assertThat(used.statusCode()).isEqualTo(200);
        String token = Api.read(used).get("token").asString();
        assertThat(Api.read(api.get("/api/v1/me/mfa", token))
                        .get("recoveryCodesLeft")
                        .asInt())
                .isEqualTo(9);
        assertThat(api.secondFactor(api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), recovery)
                        .statusCode())
                .isEqualTo(401);
        assertThat(TestMail.to(api.adminEmail())).anyMatch(mail -> subject(mail).equals("A recovery code was used"));
        assertThat(auditActions(token)).contains("mfa.recovery-code-used");
    }

    @Test
    void newRecoveryCodesNeedARecentConfirmationAndReplaceTheOldSet() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        clock.advance(Duration.ofSeconds(30));
        String token = Api.read(api.secondFactor(
                        api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), app.codeAt(clock.instant())))
                .get("token")
                .asString();
        clock.advance(Duration.ofMinutes(6));

        HttpResponse<String> refused = api.post("/api/v1/me/mfa/recovery-codes", "", token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.read(refused).get("title").asString()).isEqualTo("Confirm it is you");

        assertThat(api.post("/api/v1/me/confirm", Api.json("password", "not my password"), token)
                        .statusCode())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/me/confirm", Api.json("code", app.codeAt(clock.instant())), token)
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> replaced = api.post("/api/v1/me/mfa/recovery-codes", "", token);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(api.secondFactor(
                                api.challenge(api.adminEmail(), Api.GOOD_PASSWORD),
                                app.recoveryCodes().getFirst())
                        .statusCode())
                .as("the old set no longer works")
                .isEqualTo(401);
        String fresh = Api.read(replaced).get("recoveryCodes").get(0).asString();
        assertThat(api.secondFactor(api.challenge(api.adminEmail(), Api.GOOD_PASSWORD), fresh)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void changingTheSecurityPolicyNeedsARecentConfirmation() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        String token = api.signInAsAdminWith(app.recoveryCodes().getFirst());
        String policy = api.get("/api/v1/security-policy", token).body();
        assertThat(api.put("/api/v1/security-policy", policy, token).statusCode())
                .as("just signed in: confirmed")
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(api.put("/api/v1/security-policy", policy, token).statusCode())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/me/confirm", Api.json("password", Api.GOOD_PASSWORD), token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.put("/api/v1/security-policy", policy, token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theTenantChoosesWhichRolesMustUseASecondFactor() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        String admin = api.signInAsAdminWith(app.recoveryCodes().getFirst());
        String practitioner = api.newUser(admin, "Pat Practitioner", "PRACTITIONER");
        String patToken = api.signIn(practitioner, Api.GOOD_PASSWORD);
        assertThat(api.get("/api/v1/me/terms", patToken).statusCode())
                .as("not gated: no terms are published here")
                .isEqualTo(404);

        Map<String, Object> policy =
                new java.util.HashMap<>(Api.read(api.get("/api/v1/security-policy", admin)).properties().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue())));
        policy.put("secondFactorRoles", List.of("TENANT_ADMIN", "PRACTITIONER"));
        assertThat(api.put("/api/v1/security-policy", Api.json(policy), admin).statusCode())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/me/terms", patToken).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminCanResetAUsersSecondFactorForALostPhone() {
        Authenticator app = api.enrolTotp(api.signInAsAdmin(), clock.instant());
        String admin = api.signInAsAdminWith(app.recoveryCodes().getFirst());
        String email = api.newUser(admin, "Lou Lostphone", "PRACTITIONER");
        String lou = api.signIn(email, Api.GOOD_PASSWORD);
        api.enrolTotp(lou, clock.instant());
        String id = Api.read(api.get("/api/v1/me", lou)).get("id").asString();

        assertThat(api.post("/api/v1/users/" + id + "/mfa/reset", "", admin).statusCode())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/me", lou).statusCode()).as("sessions ended").isEqualTo(401);
        HttpResponse<String> again = api.login(email, Api.GOOD_PASSWORD);
        assertThat(Api.read(again).has("token"))
                .as("no second factor asked any more")
                .isTrue();
        assertThat(TestMail.to(email)).anyMatch(mail -> subject(mail).equals("Your two-factor sign-in was reset"));
        assertThat(auditActions(admin)).contains("mfa.reset");
    }

    private List<String> auditActions(String token) {
        HttpResponse<String> events = api.get("/api/v1/audit/events", token);
        List<String> actions = new java.util.ArrayList<>();
        Api.read(events).forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.support.Api;
import org.trackwell.support.Fixtures;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class PasswordRulesIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordHasher hasher;

    @Autowired
    MutableClock clock;

    Https https;

    @BeforeEach
    void client() {
        https = new Https(port);
    }

    @Test
    void setUpLinkWorksOnceAndOnlyWithinSeventyTwoHours() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("link"), "Link Service");
        Api api = new Api(https, tenant);
        String token =
                Api.tokenOf(accounts.inviteFirstAdmin(tenant, api.adminEmail()).url());
        assertThat(api.setup(token, Api.GOOD_PASSWORD).statusCode()).isEqualTo(204);
        HttpResponse<String> again = api.setup(token, Api.OTHER_GOOD_PASSWORD);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("not valid or has expired");

        Tenant late = tenants.create(Fixtures.uniqueSlug("late"), "Late Service");
        Api lateApi = new Api(https, late);
        String lateToken = Api.tokenOf(
                accounts.inviteFirstAdmin(late, lateApi.adminEmail()).url());
        clock.advance(Duration.ofHours(72).plusMinutes(1));
        assertThat(lateApi.setup(lateToken, Api.GOOD_PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsEachBrokenRuleInPlainWordsAndLeavesTheLinkUsable() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("rules"), "Riverside Wellbeing");
        Api api = new Api(https, tenant);
        String token =
                Api.tokenOf(accounts.inviteFirstAdmin(tenant, api.adminEmail()).url());

        assertRejected(api.setup(token, "short pass"), "at least 15 characters");
        assertRejected(api.setup(token, "1qaz2wsx3edc4rfv"), "most common passwords");
        assertRejected(api.setup(token, "riverside wellbeing forever"), "service's name");
        assertRejected(api.setup(token, "admin " + tenant.slug() + " garden"), "e-mail address");
        assertRejected(api.setup(token, "aaaaaaaaaaaaaaaaaaaa"), "too easy to guess");
        assertRejected(api.setup(token, "x".repeat(257)), "at most 256");

        assertThat(api.setup(token, "Ünïcödé passwörds wörk tóo 🌈 42").statusCode())
                .isEqualTo(204);
        assertThat(api.login(api.adminEmail(), "Ünïcödé passwörds wörk tóo 🌈 42")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPasswordOfSixtyFourOrMoreCharactersIsAcceptedWhole() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("whole"), "Orchard House");
        Api api = new Api(https, tenant);
        String token =
                Api.tokenOf(accounts.inviteFirstAdmin(tenant, api.adminEmail()).url());
        String longPassword = "a long passphrase that keeps going past sixty-four characters, gently 1";
        assertThat(api.setup(token, longPassword).statusCode()).isEqualTo(204);
        assertThat(api.login(api.adminEmail(), longPassword.substring(0, 64)).statusCode())
                .isEqualTo(401);
        assertThat(api.login(api.adminEmail(), longPassword).statusCode()).isEqualTo(200);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRefusesTheLastFive() {
        Api api = Api.newTenant(https, tenants, accounts, "history");
        String token = api.signInAsAdmin();
        assertRejected(changePassword(api, token, "not my password", Api.OTHER_GOOD_PASSWORD), "current password");
        assertThat(changePassword(api, token, Api.GOOD_PASSWORD, Api.OTHER_GOOD_PASSWORD)
                        .statusCode())
                .isEqualTo(204);
        assertRejected(changePassword(api, token, Api.OTHER_GOOD_PASSWORD, Api.GOOD_PASSWORD), "last 5 passwords");
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        Api api = Api.newTenant(https, tenants, accounts, "revoke");
        String phone = api.signInAsAdmin();
        String laptop = api.signInAsAdmin();
        assertThat(changePassword(api, laptop, Api.GOOD_PASSWORD, Api.OTHER_GOOD_PASSWORD)
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", phone).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", laptop).statusCode()).isEqualTo(200);
    }

    @Test
    void aCopyOfTheDatabaseAloneCannotVerifyAPassword() {
        Api api = Api.newTenant(https, tenants, accounts, "pepper");
        String stored = JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select password_hash from user_account where email = :email")
                .param("email", api.adminEmail())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        Argon2PasswordEncoder withoutPepper = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        assertThat(withoutPepper.matches(Api.GOOD_PASSWORD, stored)).isFalse();
        assertThat(hasher.matches(Api.GOOD_PASSWORD, stored)).isTrue();
    }

    private HttpResponse<String> changePassword(Api api, String token, String current, String next) {
        return api.put("/api/v1/me/password", Api.json("currentPassword", current, "newPassword", next), token);
    }

    private static void assertRejected(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(reason);
    }
}

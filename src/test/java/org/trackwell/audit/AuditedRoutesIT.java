package org.trackwell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestMail;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** Calls every route that changes something and shows the entry each one leaves, with its actor and target. */
@TrackwellTest
class AuditedRoutesIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());

    @Test
    void everyChangingTenantRouteLeavesItsEntry() {
        Https https = new Https(port);
        Api api = Api.newTenant(https, tenants, accounts, "routes");
        String admin = api.signInAsAdmin();
        String email = api.newUser(admin, "Robin Routes", "PRACTITIONER");
        String id = idOf(api, admin, email);
        for (int i = 0; i < 5; i++) {
            api.login(email, "wrong password " + i);
        }
        String team = Api.read(api.post("/api/v1/teams", Api.json("name", "Routes Team"), admin))
                .get("id")
                .asString();
        api.post("/api/v1/users/" + id + "/unlock", "", admin);
        api.put("/api/v1/users/" + id + "/roles", Api.json(Map.of("roles", List.of("PRACTITIONER", "MANAGER"))), admin);
        api.put("/api/v1/users/" + id + "/teams", Api.json(Map.of("teams", List.of(team))), admin);
        api.post("/api/v1/users/" + id + "/disable", "", admin);
        api.post("/api/v1/users/" + id + "/enable", "", admin);
        api.put(
                "/api/v1/security-policy",
                Api.json(Map.of(
                        "minPasswordLength",
                        16,
                        "passwordHistory",
                        5,
                        "compositionRules",
                        false,
                        "lockoutThreshold",
                        5,
                        "lockoutMinutes",
                        15,
                        "maxLockoutMinutes",
                        1440,
                        "idleTimeoutSeconds",
                        900)),
                admin);
        String practitioner = api.signIn(email, Api.GOOD_PASSWORD);
        api.put(
                "/api/v1/me/password",
                Api.json("currentPassword", Api.GOOD_PASSWORD, "newPassword", Api.OTHER_GOOD_PASSWORD),
                practitioner);
        api.post("/api/v1/auth/logout", "", practitioner);

        Map<String, String> expected = Map.ofEntries(
                Map.entry("user.invited", "user:" + id),
                Map.entry("sign-in.password-set", "user:" + id),
                Map.entry("sign-in.failed", "user:" + id),
                Map.entry("sign-in.locked", "user:" + id),
                Map.entry("team.created", "team:" + team),
                Map.entry("sign-in.unlocked", "user:" + id),
                Map.entry("user.roles-changed", "user:" + id),
                Map.entry("user.teams-changed", "user:" + id),
                Map.entry("user.disabled", "user:" + id),
                Map.entry("user.enabled", "user:" + id),
                Map.entry("sign-in.signed-in", "user:" + id),
                Map.entry("sign-in.password-changed", "user:" + id),
                Map.entry("sign-in.signed-out", "user:" + id));
        List<Map<String, Object>> entries = superuser
                .sql("select action, target, actor_type, actor_id from audit_event where tenant_id = :t")
                .param("t", api.tenant().id().value())
                .query()
                .listOfRows();
        expected.forEach((action, target) -> assertThat(entries)
                .as(action + " on " + target)
                .anySatisfy(entry -> {
                    assertThat(entry.get("action")).isEqualTo(action);
                    assertThat(entry.get("target")).isEqualTo(target);
                }));
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.get("action")).isEqualTo("security-policy.changed");
            assertThat(entry.get("actor_type")).isEqualTo("USER");
        });
    }

    @Test
    void secondFactorAndPasswordResetRoutesLeaveTheirEntries() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "mfaroutes");
        String admin = api.signInAsAdmin();
        String email = api.newUser(admin, "Sam Second", "PRACTITIONER");
        String id = idOf(api, admin, email);
        Api.Authenticator app = api.enrolTotp(api.signIn(email, Api.GOOD_PASSWORD), clock.instant());
        clock.advance(Duration.ofSeconds(30));
        String challenge = api.challenge(email, Api.GOOD_PASSWORD);
        api.secondFactor(challenge, "000000");
        String session = Api.read(api.secondFactor(challenge, app.codeAt(clock.instant())))
                .get("token")
                .asString();
        api.post("/api/v1/me/confirm", Api.json("password", Api.GOOD_PASSWORD), session);
        api.post("/api/v1/me/mfa/recovery-codes", "", session);
        api.post("/api/v1/users/" + id + "/mfa/reset", "", admin);
        api.post("/api/v1/auth/password-reset", Api.json("email", email), null);
        String link = TestMail.to(email).stream()
                .map(TestMail::text)
                .filter(text -> text.contains("/account/reset?token="))
                .findFirst()
                .orElseThrow();
        api.post(
                "/api/v1/auth/password-reset/complete",
                Api.json("token", Api.tokenOf(link), "password", Api.OTHER_GOOD_PASSWORD),
                null);

        List<String> actions = superuser
                .sql("select action from audit_event where tenant_id = :t and target = :target")
                .param("t", api.tenant().id().value())
                .param("target", "user:" + id)
                .query(String.class)
                .list();
        assertThat(actions)
                .contains(
                        "mfa.totp-started",
                        "mfa.totp-confirmed",
                        "sign-in.second-factor-required",
                        "sign-in.second-factor-failed",
                        "sign-in.signed-in",
                        "sign-in.identity-confirmed",
                        "mfa.recovery-codes-replaced",
                        "mfa.reset",
                        "sign-in.password-reset-requested",
                        "sign-in.password-reset");
    }

    @Test
    void operatorSignInsGoToTheOperatorStream() {
        Https https = new Https(port);
        String email = "routes-" + UUID.randomUUID() + "@platform.test";
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
        https.postJson("localhost", "/api/v1/operator/setup", Api.json("token", token, "password", Api.GOOD_PASSWORD));
        String session = Api.read(https.postJson(
                        "localhost", "/api/v1/operator/login", Api.json("email", email, "password", Api.GOOD_PASSWORD)))
                .get("token")
                .asString();
        https.send(https.request("localhost", "/api/v1/operator/logout")
                .header("Authorization", "Bearer " + session)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        // Other tests' operators write to the same stream: only this operator's entries count.
        List<String> actions = superuser
                .sql("""
                        select action from audit_event where tenant_id = :nil and actor_type = 'OPERATOR'
                           and target = (select 'operator:' || id from user_account
                                         where tenant_id = :nil and email = :email)""")
                .param("nil", AuditTrail.OPERATOR_STREAM.value())
                .param("email", email)
                .query(String.class)
                .list();
        assertThat(actions)
                .contains("operator.added", "sign-in.password-set", "sign-in.signed-in", "sign-in.signed-out");
    }

    private static String idOf(Api api, String admin, String email) {
        for (var user : Api.read(api.get("/api/v1/users", admin))) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }
}

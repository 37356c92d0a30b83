package org.trackwell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.Oathtool;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class OperatorAccountsIT {

    private static final String OPERATOR_HOST = "localhost";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Https https;
    String email;
    String secret;

    @BeforeEach
    void operator() {
        https = new Https(port);
        email = "ops-" + System.nanoTime() + "@platform.test";
        addWithPassword(email);
        secret = enrol(signInBeforeEnrolment());
    }

    @Test
    void anOperatorMustSetUpASecondFactorBeforeAnythingElse() {
        email = "ops-new-" + System.nanoTime() + "@platform.test";
        addWithPassword(email);
        String session = signInBeforeEnrolment();

        HttpResponse<String> health =
                https.get(OPERATOR_HOST, "/api/v1/operator/health", "Authorization", "Bearer " + session);
        assertThat(health.statusCode()).isEqualTo(403);
        assertThat(Api.read(health).get("detail").asString()).contains("second factor");
        enrol(session);
        assertThat(https.get(OPERATOR_HOST, "/api/v1/operator/health", "Authorization", "Bearer " + session)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> next = login(Api.GOOD_PASSWORD);
        assertThat(Api.read(next).get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(Api.read(next).has("token")).isFalse();
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(
                                org.trackwell.support.TestPostgres.asSuperuser())
                        .sql("""
                                select action from audit_event where tenant_id = :nil and actor_type = 'OPERATOR'
                                   and target = (select 'operator:' || id from user_account
                                                 where tenant_id = :nil and email = :email)""")
                        .param("nil", org.trackwell.audit.AuditTrail.OPERATOR_STREAM.value())
                        .param("email", email)
                        .query(String.class)
                        .list())
                .contains("mfa.totp-started", "mfa.totp-confirmed", "sign-in.second-factor-required");
    }

    @Test
    void aLostPhoneIsResetFromTheCommandLine() {
        String session = signIn(Api.GOOD_PASSWORD);
        StringWriter out = new StringWriter();
        int exit = OperatorCommandLine.execute(
                context,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                "operator",
                "reset-mfa",
                "--email",
                email);

        assertThat(exit).isZero();
        assertThat(https.get(OPERATOR_HOST, "/api/v1/operator/health", "Authorization", "Bearer " + session)
                        .statusCode())
                .as("sessions ended")
                .isEqualTo(401);
        String fresh = signInBeforeEnrolment();
        assertThat(https.get(OPERATOR_HOST, "/api/v1/operator/health", "Authorization", "Bearer " + fresh)
                        .statusCode())
                .as("must set up a new authenticator first")
                .isEqualTo(403);
    }

    @Test
    void anOperatorsCodeIsAcceptedOnceAndWrongCodesCountTowardsTheLock() {
        clock.advance(Duration.ofSeconds(30));
        String code = Oathtool.totp(secret, clock.instant());
        assertThat(secondFactor(challenge(), code).statusCode()).isEqualTo(200);
        assertThat(secondFactor(challenge(), code).statusCode()).as("replayed").isEqualTo(401);
        String challenge = challenge();
        for (int i = 0; i < 4; i++) {
            assertThat(secondFactor(challenge, "00000" + i).statusCode()).isEqualTo(401);
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(secondFactor(challenge, Oathtool.totp(secret, clock.instant()))
                        .statusCode())
                .as("five failures (one replay, four wrong) lock the account")
                .isEqualTo(401);
    }

    @Test
    void anOperatorsAuthenticatorIsSealedAgainWhenTheMasterKeyIsRotatedAndKeepsWorking() {
        byte[] before = sealedSecret();
        int exit = OperatorCommandLine.execute(
                context,
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter()),
                "keys",
                "rotate",
                "--master");

        assertThat(exit).isZero();
        assertThat(sealedSecret()).isNotEqualTo(before);
        assertThat(https.get(
                                OPERATOR_HOST,
                                "/api/v1/operator/health",
                                "Authorization",
                                "Bearer " + signIn(Api.GOOD_PASSWORD))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anOperatorSignsInOnTheOperatorHostAndSeesDetailedHealth() {
        String token = signIn(Api.GOOD_PASSWORD);
        HttpResponse<String> health =
                https.get(OPERATOR_HOST, "/api/v1/operator/health", "Authorization", "Bearer " + token);
        assertThat(health.statusCode()).isEqualTo(200);
        var report = Api.read(health);
        assertThat(report.get("databaseUp").asBoolean()).isTrue();
        assertThat(report.has("schemaVersion")).isTrue();
        assertThat(report.has("auditEntriesAwaitingSeal")).isTrue();
    }

    @Test
    void anOperatorSeesTheOperatorStreamAndEachChainsStateButNoTenantEntries() {
        Api api = Api.newTenant(https, tenants, accounts, "chains");
        api.newUser(api.signInAsAdmin(), "Private Person", "CARER");
        String token = signIn(Api.GOOD_PASSWORD);
        HttpResponse<String> stream =
                https.get(OPERATOR_HOST, "/api/v1/operator/audit/events", "Authorization", "Bearer " + token);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body())
                .contains("operator.added")
                .contains("tenant.created")
                .doesNotContain("user.invited");
        HttpResponse<String> chains =
                https.get(OPERATOR_HOST, "/api/v1/operator/audit/chains", "Authorization", "Bearer " + token);
        assertThat(chains.statusCode()).isEqualTo(200);
        assertThat(chains.body())
                .contains("\"tenant\":\"" + api.tenant().slug() + "\"")
                .contains("sealedEntries");
        assertThat(chains.body()).doesNotContain("user.invited").doesNotContain("Private Person");
    }

    @Test
    void detailedHealthIsForOperatorsOnly() {
        assertThat(https.get(OPERATOR_HOST, "/api/v1/operator/health").statusCode())
                .isEqualTo(401);
        Api api = Api.newTenant(https, tenants, accounts, "opsonly");
        String userToken = api.signInAsAdmin();
        assertThat(https.get(OPERATOR_HOST, "/api/v1/operator/health", "Authorization", "Bearer " + userToken)
                        .statusCode())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/operator/health", userToken).statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorTokenOpensNothingInATenant() {
        String token = signIn(Api.GOOD_PASSWORD);
        Api api = Api.newTenant(https, tenants, accounts, "noops");
        assertThat(api.get("/api/v1/users", token).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/operator/login", Api.json("email", email, "password", Api.GOOD_PASSWORD), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void operatorsAreLockedOutAfterFiveFailuresLikeEveryoneElse() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login(Api.GOOD_PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("not right");
    }

    private byte[] sealedSecret() {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select f.secret from totp_factor f join user_account a on a.tenant_id = f.tenant_id"
                        + " and a.id = f.user_id where a.email = :email")
                .param("email", email)
                .query(byte[].class)
                .single();
    }

    /** Adds an operator through the command line and sets their password through the set-up API. */
    private void addWithPassword(String address) {
        StringWriter out = new StringWriter();
        int exit = OperatorCommandLine.execute(
                context,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                "operator",
                "add",
                "--email",
                address);
        assertThat(exit).isZero();
        String token = out.toString()
                .replaceAll("(?s).*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1")
                .strip();
        HttpResponse<String> setup = https.postJson(
                OPERATOR_HOST, "/api/v1/operator/setup", Api.json("token", token, "password", Api.GOOD_PASSWORD));
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(204);
    }

    /** Signs in with the password and a fresh code from the authenticator. */
    private String signIn(String password) {
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> response = secondFactor(challenge(password), Oathtool.totp(secret, clock.instant()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response).get("token").asString();
    }

    private String signInBeforeEnrolment() {
        HttpResponse<String> response = login(Api.GOOD_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response).get("token").asString();
    }

    private String enrol(String session) {
        HttpResponse<String> started = https.send(https.request(OPERATOR_HOST, "/api/v1/operator/mfa/totp")
                .header("Authorization", "Bearer " + session)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String enrolled = Api.read(started).get("secret").asString();
        HttpResponse<String> confirmed = https.send(https.request(OPERATOR_HOST, "/api/v1/operator/mfa/totp/confirm")
                .header("Authorization", "Bearer " + session)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Api.json("code", Oathtool.totp(enrolled, clock.instant()))))
                .build());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        return enrolled;
    }

    private String challenge() {
        return challenge(Api.GOOD_PASSWORD);
    }

    private String challenge(String password) {
        HttpResponse<String> response = login(password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response).get("challenge").asString();
    }

    private HttpResponse<String> secondFactor(String challenge, String code) {
        return https.postJson(
                OPERATOR_HOST, "/api/v1/operator/login/mfa", Api.json("challenge", challenge, "code", code));
    }

    private HttpResponse<String> login(String password) {
        return https.postJson(OPERATOR_HOST, "/api/v1/operator/login", Api.json("email", email, "password", password));
    }
}

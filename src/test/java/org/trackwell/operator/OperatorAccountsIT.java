package org.trackwell.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
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

    Https https;
    String email;

    @BeforeEach
    void operator() {
        https = new Https(port);
        email = "ops-" + System.nanoTime() + "@platform.test";
        StringWriter out = new StringWriter();
        int exit = OperatorCommandLine.execute(
                context,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter()),
                "operator",
                "add",
                "--email",
                email);
        assertThat(exit).isZero();
        String token = out.toString()
                .replaceAll("(?s).*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1")
                .strip();
        HttpResponse<String> setup = https.postJson(
                OPERATOR_HOST, "/api/v1/operator/setup", Api.json("token", token, "password", Api.GOOD_PASSWORD));
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(204);
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

    private String signIn(String password) {
        HttpResponse<String> response = login(password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response).get("token").asString();
    }

    private HttpResponse<String> login(String password) {
        return https.postJson(OPERATOR_HOST, "/api/v1/operator/login", Api.json("email", email, "password", password));
    }
}

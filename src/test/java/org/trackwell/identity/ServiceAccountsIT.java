package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * Service accounts from the outside: a key made by the tenant admin reaches only its scopes' routes
 * and its teams' clients, is audited as the account, and stops when it expires, when its overlap
 * after a rotation ends, or at once when revoked; every bad key gets the same 401.
 */
@TrackwellTest
class ServiceAccountsIT {

    private static final ZoneId SERVICE_ZONE = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Https https;
    Api api;
    String admin;
    String north;
    String south;
    String northClient;
    String southClient;

    @BeforeEach
    void tenantWithTwoTeamsAndAClientInEach() {
        https = new Https(port);
        api = Api.newTenant(https, tenants, accounts, "svc");
        admin = api.signInAsAdmin();
        north = api.newTeam(admin, "North");
        south = api.newTeam(admin, "South");
        northClient = clientWithASession(
                api.signIn(api.newUserInTeam(admin, "Nia North", north, "PRACTITIONER"), Api.GOOD_PASSWORD), north);
        southClient = clientWithASession(
                api.signIn(api.newUserInTeam(admin, "Sam South", south, "PRACTITIONER"), Api.GOOD_PASSWORD), south);
    }

    @AfterEach
    void close() {
        https.close();
    }

    @Test
    void readsItsTeamsClientsWithinItsScopesAndNothingElse() {
        String key = key(List.of("clients:read", "outcomes:read"), 30, 120);

        assertThat(api.get("/api/v1/clients/" + northClient + "/sessions", key).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + northClient, key).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients/" + southClient + "/sessions", key).statusCode())
                .as("another team's client")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/clients/" + northClient + "/doses", key).statusCode())
                .as("outside its scopes")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/clients/" + northClient + "/sessions", "{}", key)
                        .statusCode())
                .as("a write it was not given")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/clients/search?q=x", key).statusCode())
                .as("a route for people only, though it looks like a client's")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/users", key).statusCode())
                .as("administration")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/api-clients", key).statusCode())
                .as("its own kind")
                .isEqualTo(403);
        assertThat(https.get(api.host(), "/clients", "Authorization", "Bearer " + key)
                        .statusCode())
                .as("pages take no key")
                .isIn(302, 404);

        List<String> actors = JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select actor_type from audit_event where tenant_id = :t and action = 'sessions.viewed'")
                .param("t", api.tenant().id().value())
                .query((row, n) -> row.getString(1))
                .list();
        assertThat(actors).containsExactly("SERVICE_ACCOUNT");
    }

    @Test
    void recordsAnsweredMeasuresWhenGivenOutcomesWrite() {
        String key = key(List.of("outcomes:read", "outcomes:write"), 30, 120);
        String session = Api.read(api.get("/api/v1/clients/" + northClient + "/sessions", key))
                .get(0)
                .get("id")
                .asString();
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put(Integer.toString(item), 1);
        }
        HttpResponse<String> answered = api.post(
                "/api/v1/clients/" + northClient + "/sessions/" + session + "/measures",
                Api.json(Map.of("measure", "PHQ-9", "answers", answers)),
                key);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        assertThat(Api.read(answered).get("total").asDouble()).isEqualTo(9.0);
        assertThat(api.get("/api/v1/clients/" + northClient + "/prescriptions", key)
                        .statusCode())
                .as("doses:read was not given")
                .isEqualTo(403);
    }

    @Test
    void anExpiredKeyFails() {
        String key = key(List.of("outcomes:read"), 1, 120);
        assertThat(sessions(key)).isEqualTo(200);
        clock.advance(Duration.ofDays(3));
        assertThat(sessions(key)).isEqualTo(401);
    }

    @Test
    void aRotatedKeyWorksUntilTheOverlapEndsThenStops() {
        HttpResponse<String> created = create(List.of("outcomes:read"), 30, 120);
        String old = Api.read(created).get("key").asString();
        String id = Api.read(created).get("client").asString();
        HttpResponse<String> rotated =
                api.post("/api/v1/api-clients/" + id + "/rotate", Api.json(Map.of("overlapHours", 2)), admin);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String current = Api.read(rotated).get("key").asString();
        assertThat(current).isNotEqualTo(old);

        assertThat(sessions(old)).as("old key, within the overlap").isEqualTo(200);
        assertThat(sessions(current)).isEqualTo(200);
        assertThat(api.auditActions()).contains("api-client.key-rotated");
        clock.advance(Duration.ofHours(3));
        assertThat(sessions(old)).as("old key, after the overlap").isEqualTo(401);
        assertThat(sessions(current)).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsAtOnce() {
        HttpResponse<String> created = create(List.of("outcomes:read"), 30, 120);
        String key = Api.read(created).get("key").asString();
        assertThat(sessions(key)).isEqualTo(200);
        String id = Api.read(created).get("client").asString();
        assertThat(api.post("/api/v1/api-clients/" + id + "/revoke", "", admin).statusCode())
                .isEqualTo(204);
        assertThat(sessions(key)).isEqualTo(401);
        assertThat(api.auditActions()).contains("api-client.created", "api-client.revoked");
    }

    @Test
    void everyBadKeyGetsTheSame401ProblemWithNoHint() {
        String key = key(List.of("outcomes:read"), 30, 120);
        String wrongSecret = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
        String unknownId = "twk_" + UUID.randomUUID().toString().replace("-", "") + key.substring(36);
        Api otherTenant = Api.newTenant(https, tenants, accounts, "svcother");
        List<HttpResponse<String>> answers = List.of(
                call(wrongSecret),
                call(unknownId),
                call("twk_not-a-key"),
                call("nonsense"),
                otherTenant.get("/api/v1/clients", key));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Api.read(answer).get("detail").asString())
                    .isEqualTo(Api.read(answers.getFirst()).get("detail").asString());
        }
    }

    @Test
    void overItsCallsAMinuteItIsTurnedAwayWith429() {
        String key = key(List.of("outcomes:read"), 30, 3);
        // The limit counts the calls in each minute of the clock: begin one, so none turns between the calls.
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))));
        for (int i = 0; i < 3; i++) {
            assertThat(sessions(key)).isEqualTo(200);
        }
        HttpResponse<String> refused = call(key);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        clock.advance(Duration.ofMinutes(1));
        assertThat(sessions(key)).isEqualTo(200);
        assertThat(api.auditActions()).containsOnlyOnce("api-client.rate-limited");
    }

    @Test
    void refusesAServiceAccountThatBreaksARuleAndChangesNothing() {
        String today = today().toString();
        for (Map<String, Object> bad : List.of(
                Map.of("name", "No scopes", "scopes", List.of(), "teams", List.of(north), "expiresOn", today),
                Map.of(
                        "name",
                        "Odd scope",
                        "scopes",
                        List.of("everything"),
                        "teams",
                        List.of(north),
                        "expiresOn",
                        today),
                Map.of("name", "No team", "scopes", List.of("outcomes:read"), "teams", List.of(), "expiresOn", today),
                Map.of(
                        "name",
                        "Past",
                        "scopes",
                        List.of("outcomes:read"),
                        "teams",
                        List.of(north),
                        "expiresOn",
                        today().minusDays(1).toString()),
                Map.of(
                        "name",
                        "Far",
                        "scopes",
                        List.of("outcomes:read"),
                        "teams",
                        List.of(north),
                        "expiresOn",
                        today().plusYears(3).toString()),
                Map.of("name", " ", "scopes", List.of("outcomes:read"), "teams", List.of(north), "expiresOn", today))) {
            HttpResponse<String> refused = api.post("/api/v1/api-clients", Api.json(bad), admin);
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(Api.read(api.get("/api/v1/api-clients", admin))).isEmpty();
    }

    @Test
    void onlyATenantAdminManagesServiceAccounts() {
        String manager = api.signIn(api.newUserInTeam(admin, "Meg Manager", north, "MANAGER"), Api.GOOD_PASSWORD);
        assertThat(api.get("/api/v1/api-clients", manager).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/api-clients", body(List.of("outcomes:read"), 30, 120), manager)
                        .statusCode())
                .isEqualTo(403);
    }

    private int sessions(String key) {
        return api.get("/api/v1/clients/" + northClient + "/sessions", key).statusCode();
    }

    private HttpResponse<String> call(String key) {
        return api.get("/api/v1/clients/" + northClient + "/sessions", key);
    }

    private String key(List<String> scopes, int days, int callsPerMinute) {
        HttpResponse<String> created = create(scopes, days, callsPerMinute);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = Api.read(created).get("key").asString();
        assertThat(key).startsWith("twk_");
        return key;
    }

    private HttpResponse<String> create(List<String> scopes, int days, int callsPerMinute) {
        admin = api.signInAsAdmin();
        return api.post("/api/v1/api-clients", body(scopes, days, callsPerMinute), admin);
    }

    private String body(List<String> scopes, int days, int callsPerMinute) {
        return Api.json(Map.of(
                "name",
                "Reporting " + UUID.randomUUID().toString().substring(0, 6),
                "scopes",
                scopes,
                "teams",
                List.of(north),
                "expiresOn",
                today().plusDays(days).toString(),
                "callsPerMinute",
                callsPerMinute));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SERVICE_ZONE);
    }

    private String clientWithASession(String clinician, String team) {
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), clinician))
                .get("code")
                .asString();
        api.post(
                "/api/v1/clients/" + code + "/episodes",
                Api.json(Map.of("referredOn", today().minusDays(30).toString())),
                clinician);
        HttpResponse<String> session = api.post(
                "/api/v1/clients/" + code + "/sessions",
                Api.json(Map.of(
                        "startsAt", clock.instant().minus(Duration.ofHours(1)).toString(),
                        "type", "TREATMENT",
                        "mode", "FACE_TO_FACE",
                        "attendance", "ATTENDED")),
                clinician);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        return code;
    }
}

package org.trackwell.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

@TrackwellTest
class AuditTrailIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail trail;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String admin;

    @BeforeEach
    void tenant() {
        api = Api.newTenant(new Https(port), tenants, accounts, "audit");
        admin = api.signInAsAdmin();
    }

    @Test
    void recordsSignInsAndAdministrativeChangesWithActorTargetOutcomeAndRequest() {
        api.login(api.adminEmail(), "a wrong password for the audit");
        String email = api.newUser(admin, "Alex Auditor", "AUDITOR");
        List<JsonNode> entries = events(admin);
        JsonNode invited = find(entries, "user.invited", "USER");
        assertThat(invited.get("actorRole").asString()).isEqualTo("TENANT_ADMIN");
        assertThat(invited.get("target").asString()).startsWith("user:");
        assertThat(invited.get("requestId").asString()).isNotBlank();
        assertThat(invited.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(find(entries, "sign-in.failed", "ANONYMOUS").get("outcome").asString())
                .isEqualTo("FAILED");
        assertThat(find(entries, "sign-in.signed-in", "USER").get("outcome").asString())
                .isEqualTo("SUCCESS");
        assertThat(find(entries, "sign-in.password-set", "USER")).isNotNull();
        assertThat(entries.toString()).doesNotContain(email).doesNotContain(api.adminEmail());
    }

    @Test
    void deniedRequestsAreRecordedToo() {
        String practitioner = api.signIn(api.newUser(admin, "Pat Denied", "PRACTITIONER"), Api.GOOD_PASSWORD);
        assertThat(api.get("/api/v1/users", practitioner).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/users", "not-a-token").statusCode()).isEqualTo(401);
        List<JsonNode> refused = events(admin).stream()
                .filter(e -> e.get("action").asString().equals("request.refused"))
                .toList();
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.get("actorType").asString()).isEqualTo("USER");
            assertThat(e.get("target").asString()).isEqualTo("GET /api/v1/users");
            assertThat(e.get("outcome").asString()).isEqualTo("DENIED");
        });
        assertThat(refused)
                .anySatisfy(e -> assertThat(e.get("actorType").asString()).isEqualTo("ANONYMOUS"));
    }

    @Test
    void aReadOfAClientOutOfReachIsRecordedAsDeniedWithWhoAndWhom() {
        String own = api.newTeam(admin, "Own Team");
        String other = api.newTeam(admin, "Other Team");
        String managerEmail = api.newUserInTeam(admin, "Mo Manager", other, "MANAGER");
        String manager = api.signIn(managerEmail, Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(java.util.Map.of("teamId", other)), manager))
                .get("code")
                .asString();
        String practitionerEmail = api.newUserInTeam(admin, "Pat Elsewhere", own, "PRACTITIONER");
        String practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);
        String carer = api.signIn(api.newUserInTeam(admin, "Cas Carer", other, "CARER"), Api.GOOD_PASSWORD);

        HttpResponse<String> outOfTeam = api.get("/api/v1/clients/" + code, practitioner);
        HttpResponse<String> noSuchClient = api.get("/api/v1/clients/ZZZ-ZZZZ", practitioner);
        assertThat(outOfTeam.statusCode()).isEqualTo(404);
        assertThat(outOfTeam.body().replace(code, "ZZZ-ZZZZ"))
                .as("the answer does not tell a client out of reach from one that does not exist")
                .isEqualTo(noSuchClient.body());
        assertThat(api.get("/api/v1/clients/" + code + "/notes", carer).statusCode())
                .as("a carer does not read the clinical record")
                .isEqualTo(404);

        List<JsonNode> denied = events(admin).stream()
                .filter(e -> e.get("action").asString().equals("client.access-denied"))
                .toList();
        assertThat(denied).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("target").asString()).isEqualTo("client:" + code);
            assertThat(e.get("outcome").asString()).isEqualTo("DENIED");
        });
        assertThat(denied.stream().map(e -> e.get("actorRole").asString()))
                .containsExactlyInAnyOrder("PRACTITIONER", "CARER");
    }

    @Test
    void anActionThatRollsBackLeavesNoEntry() {
        long before = count();
        try {
            transactions.inTenant(api.tenant().id(), () -> {
                trail.record(AuditAction.CLIENT_UPDATED, "client:thing-1", Outcome.SUCCESS);
                throw new IllegalStateException("the action failed");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyAdminsAndAuditorsReadTheTrailAndReadingItIsRecorded() {
        String auditor = api.signIn(api.newUser(admin, "Ada Auditor", "AUDITOR"), Api.GOOD_PASSWORD);
        String carer = api.signIn(api.newUser(admin, "Cary Carer", "CARER"), Api.GOOD_PASSWORD);
        assertThat(api.get("/api/v1/audit/events", auditor).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/events", carer).statusCode()).isEqualTo(403);
        assertThat(events(auditor))
                .anySatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("audit.viewed"));
    }

    @Test
    void eachTenantSeesOnlyItsOwnTrail() {
        Api other = Api.newTenant(new Https(port), tenants, accounts, "otheraudit");
        other.newUser(other.signInAsAdmin(), "Someone Else", "CARER");
        String otherTenantTargets = events(other, other.signInAsAdmin()).toString();
        for (JsonNode entry : events(api, admin)) {
            if (entry.has("target") && !entry.get("target").isNull()) {
                assertThat(otherTenantTargets)
                        .doesNotContain(entry.get("target").asString());
            }
        }
    }

    @Test
    void theRuntimeRoleCannotChangeOrDeleteEntriesAndTheTriggerStopsEveryoneElse() {
        JdbcClient runtime = JdbcClient.create(TestPostgres.as(TestPostgres.RUNTIME));
        assertThatThrownBy(
                        () -> runtime.sql("update audit_event set action = 'x'").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> runtime.sql("delete from audit_event").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        JdbcClient owner = JdbcClient.create(TestPostgres.as(TestPostgres.OWNER));
        assertThatThrownBy(
                        () -> owner.sql("update audit_event set action = 'x'").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate audit_seal").update())
                .rootCause()
                .hasMessageContaining("append-only");
    }

    @Test
    void publishesTheCheckpointKeyToAnyone() {
        var key = api.get("/api/v1/audit/public-key", null);
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(Api.read(key).get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(Api.read(key).get("key").asString()).isNotBlank();
    }

    private List<JsonNode> events(String token) {
        return events(api, token);
    }

    private static List<JsonNode> events(Api api, String token) {
        var response = api.get("/api/v1/audit/events?size=1000", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = new java.util.ArrayList<>();
        Api.read(response).forEach(entries::add);
        return entries;
    }

    private static JsonNode find(List<JsonNode> entries, String action, String actorType) {
        return entries.stream()
                .filter(e -> e.get("action").asString().equals(action)
                        && e.get("actorType").asString().equals(actorType))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " by " + actorType + " in " + entries));
    }

    private long count() {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select count(*) from audit_event where tenant_id = :t")
                .param("t", api.tenant().id().value())
                .query(Long.class)
                .single();
    }
}

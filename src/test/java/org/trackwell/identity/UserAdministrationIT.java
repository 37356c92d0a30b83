package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TestMail;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class UserAdministrationIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    Api api;
    String admin;

    @BeforeEach
    void tenant() {
        api = Api.newTenant(new Https(port), tenants, accounts, "users");
        admin = api.signInAsAdmin();
    }

    @Test
    void invitingAUserEmailsThemAOneTimeLinkThatLetsThemSignIn() {
        String email = "pat.practitioner@" + api.tenant().slug() + ".test";
        var invited = api.post(
                "/api/v1/users",
                Api.json(Map.of("email", email, "displayName", "Pat Practitioner", "roles", List.of("PRACTITIONER"))),
                admin);
        assertThat(invited.statusCode()).isEqualTo(201);
        String shownOnce = Api.read(invited).get("setupLink").asString();
        assertThat(Api.read(invited).get("emailed").asBoolean()).isTrue();
        var mails = TestMail.to(email);
        assertThat(mails).hasSize(1);
        assertThat(TestMail.text(mails.get(0))).contains(shownOnce);
        assertThat(api.setup(Api.tokenOf(shownOnce), Api.GOOD_PASSWORD).statusCode())
                .isEqualTo(204);
        assertThat(api.login(email, Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTenantAdminsManageUsers() {
        String practitioner = api.signIn(api.newUser(admin, "Sam Practitioner", "PRACTITIONER"), Api.GOOD_PASSWORD);
        assertThat(api.get("/api/v1/users", practitioner).statusCode()).isEqualTo(403);
        String invite = Api.json(Map.of("email", "x@y.test", "displayName", "X", "roles", List.of("CARER")));
        assertThat(api.post("/api/v1/users", invite, practitioner).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/users", null).statusCode()).isEqualTo(401);
    }

    @Test
    void disablingAUserEndsTheirSessionsAtOnceAndEnablingLetsThemBackIn() {
        String email = api.newUser(admin, "Dana Disabled", "PRACTITIONER");
        String token = api.signIn(email, Api.GOOD_PASSWORD);
        String id = idOf(email);
        assertThat(api.post("/api/v1/users/" + id + "/disable", "", admin).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(401);
        assertThat(api.login(email, Api.GOOD_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v1/users/" + id + "/enable", "", admin).statusCode())
                .isEqualTo(204);
        assertThat(api.login(email, Api.GOOD_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void changingRolesEndsTheUsersSessions() {
        String email = api.newUser(admin, "Rory Roles", "PRACTITIONER");
        String token = api.signIn(email, Api.GOOD_PASSWORD);
        var changed = api.put(
                "/api/v1/users/" + idOf(email) + "/roles",
                Api.json(Map.of("roles", List.of("PRACTITIONER", "MANAGER"))),
                admin);
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(401);
        var me = Api.read(api.get("/api/v1/me", api.signIn(email, Api.GOOD_PASSWORD)));
        assertThat(me.get("roles").toString()).contains("MANAGER").contains("PRACTITIONER");
    }

    @Test
    void theLastActiveAdminCanBeNeitherDisabledNorDemoted() {
        String id = idOf(api.adminEmail());
        var disable = api.post("/api/v1/users/" + id + "/disable", "", admin);
        var demote = api.put("/api/v1/users/" + id + "/roles", Api.json(Map.of("roles", List.of("MANAGER"))), admin);
        assertThat(disable.statusCode()).isEqualTo(409);
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(disable.body()).contains("last active administrator");
        api.newUser(admin, "Second Admin", "TENANT_ADMIN");
        assertThat(api.put("/api/v1/users/" + id + "/roles", Api.json(Map.of("roles", List.of("MANAGER"))), admin)
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void usersBelongToTeams() {
        var team = Api.read(api.post("/api/v1/teams", Api.json("name", "North Team"), admin));
        String email = api.newUser(admin, "Terry Team", "MANAGER");
        var moved = api.put(
                "/api/v1/users/" + idOf(email) + "/teams",
                Api.json(Map.of("teams", List.of(team.get("id").asString()))),
                admin);
        assertThat(moved.statusCode()).isEqualTo(204);
        var me = Api.read(api.get("/api/v1/me", api.signIn(email, Api.GOOD_PASSWORD)));
        assertThat(me.get("teams").get(0).asString()).isEqualTo(team.get("id").asString());
        assertThat(api.post("/api/v1/teams", Api.json("name", "north team"), admin)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void theDatabaseHoldsOneTeamOfANameWhateverItsCaseEvenForRequestsAtOnce() {
        var team = Api.read(api.post("/api/v1/teams", Api.json("name", "Night Team"), admin));
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
        assertThatThrownBy(() -> superuser
                        .sql("insert into team (tenant_id, id, name) values (:tenant, gen_random_uuid(), 'NIGHT TEAM')")
                        .param("tenant", api.tenant().id().value())
                        .update())
                .rootCause()
                .hasMessageContaining("team_name_folded");
        assertThat(team.get("name").asString()).isEqualTo("Night Team");
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        int before = Api.read(api.get("/api/v1/users", admin)).size();
        assertThat(api.post(
                                "/api/v1/users",
                                "{\"email\":\"not-an-email\",\"displayName\":\"X\",\"roles\":[\"CARER\"]}",
                                admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/users",
                                "{\"email\":\"a@b.test\",\"displayName\":\"X\",\"roles\":[\"KING\"]}",
                                admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/users/not-a-uuid", admin).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/" + java.util.UUID.randomUUID(), admin)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Api.read(api.get("/api/v1/users", admin)).size()).isEqualTo(before);
    }

    private String idOf(String email) {
        for (var user : Api.read(api.get("/api/v1/users", admin))) {
            if (user.get("email").asString().equals(email)) {
                return user.get("id").asString();
            }
        }
        throw new AssertionError("no user " + email);
    }
}

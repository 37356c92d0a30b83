package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** A measure the service uses, switched off for one team and kept by another. */
@TrackwellTest
class TeamMeasuresIT {

    private static final String GAD7 = "/api/v1/measures/GAD-7/teams-off";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;
    String admin;
    String counselling;
    String substanceMisuse;
    String counsellor;
    String worker;
    TherapyRecords counsellingRecords;
    TherapyRecords substanceRecords;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "teammeasures");
        admin = api.signInAsAdmin();
        counselling = api.newTeam(admin, "Counselling");
        substanceMisuse = api.newTeam(admin, "Substance Misuse");
        counsellor =
                api.signIn(api.newUserInTeam(admin, "Cora Counsellor", counselling, "PRACTITIONER"), Api.GOOD_PASSWORD);
        worker = api.signIn(api.newUserInTeam(admin, "Sam Worker", substanceMisuse, "PRACTITIONER"), Api.GOOD_PASSWORD);
        counsellingRecords = new TherapyRecords(api, counselling, counsellor, clock);
        substanceRecords = new TherapyRecords(api, substanceMisuse, worker, clock);
    }

    @Test
    void aMeasureOffForATeamIsRefusedForItsClientsAndKeptForOthersWithEarlierScoresStillShown() {
        String counselled = counsellingRecords.client();
        counsellingRecords.openEpisode(counselled, 30);
        counsellingRecords.score(counselled, counsellingRecords.attendedSession(counselled, 10), "GAD-7", 12);

        HttpResponse<String> changed = switchOff(List.of(substanceMisuse), admin);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(teamsOff()).containsExactly(substanceMisuse);

        String helped = substanceRecords.client();
        substanceRecords.openEpisode(helped, 30);
        String session = substanceRecords.attendedSession(helped, 1);
        HttpResponse<String> refused =
                substanceRecords.answer(helped, session, "GAD-7", TherapyRecords.totalling("GAD-7", 9));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(refused.body()).contains("switched off for this client's team");
        substanceRecords.score(helped, session, "PHQ-9", 8);
        HttpResponse<String> link = api.post(
                "/api/v1/clients/" + helped + "/sessions/" + session + "/links",
                Api.json(Map.of("measures", List.of("GAD-7"))),
                worker);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(400);
        HttpResponse<String> primary =
                api.put("/api/v1/clients/" + helped + "/primary-measure", Api.json(Map.of("measure", "GAD-7")), worker);
        assertThat(primary.statusCode()).as(primary.body()).isEqualTo(400);
        assertThat(primary.body()).contains("switched off for this client's team");

        String session2 = counsellingRecords.attendedSession(counselled, 1);
        counsellingRecords.score(counselled, session2, "GAD-7", 7);
        assertThat(counsellingRecords.progress(counselled).toString()).contains("GAD-7");

        String changes = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD)
                .get("/admin/settings/changes")
                .body();
        assertThat(changes).contains("Measures switched off for teams: GAD-7").contains("Substance Misuse");
    }

    @Test
    void onlyATenantAdminSwitchesMeasuresOffForTeams() {
        String manager = api.signIn(api.newUserInTeam(admin, "Mo Manager", counselling, "MANAGER"), Api.GOOD_PASSWORD);
        for (String caller : List.of(manager, counsellor)) {
            assertThat(switchOff(List.of(counselling), caller).statusCode()).isEqualTo(403);
            assertThat(api.get(GAD7, caller).statusCode()).isEqualTo(403);
        }
        assertThat(teamsOff()).isEmpty();
    }

    @Test
    void anUnknownTeamIsRefusedAndChangesNothing() {
        assertThat(switchOff(List.of(counselling), admin).statusCode()).isEqualTo(200);

        HttpResponse<String> unknown =
                switchOff(List.of(substanceMisuse, UUID.randomUUID().toString()), admin);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("not one of the service's teams");
        HttpResponse<String> notAnId = api.put(GAD7, "{\"teamIds\":[\"Counselling\"]}", admin);
        assertThat(notAnId.statusCode()).as(notAnId.body()).isEqualTo(400);
        assertThat(teamsOff()).containsExactly(counselling);

        PageSession pages = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        HttpResponse<String> page =
                pages.submitFrom("/admin/measures", "/admin/measures/GAD-7/teams-off", "teamId", "not-a-team");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(pages.get("/admin/measures").body()).contains("not one of the service&#39;s teams");
        assertThat(teamsOff()).containsExactly(counselling);
    }

    @Test
    void theMeasuresPageTicksTheTeamsAMeasureIsOffFor() {
        PageSession pages = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        HttpResponse<String> saved =
                pages.submitFrom("/admin/measures", "/admin/measures/GAD-7/teams-off", "teamId", substanceMisuse);
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = pages.get("/admin/measures").body();
        assertThat(page).contains("GAD-7 is off for the teams ticked.").contains("Measures by team");
        assertThat(teamsOff()).containsExactly(substanceMisuse);
    }

    private HttpResponse<String> switchOff(List<String> teams, String token) {
        return api.put(GAD7, Api.json(Map.of("teamIds", teams)), token);
    }

    private List<String> teamsOff() {
        HttpResponse<String> response = api.get(GAD7, admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response)
                .get("teamIds")
                .valueStream()
                .map(node -> node.asString())
                .toList();
    }
}

package org.trackwell.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.outcomes.TherapyRecords;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The outcomes report against a small service whose figures were worked out by hand (below), the
 * reach of managers and practitioners in the report and its downloads, and refusals of bad input.
 */
@TrackwellTest
class OutcomesReportIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;
    String practitioner;
    String manager;
    String colleagueClient;
    Map<String, String> episodes = new HashMap<>();
    String period;

    /**
     * Pat's clients, days counted back from today, the period the last 90 days. Treatment sessions,
     * attended, each with PHQ-9 / GAD-7 totals unless said otherwise:
     *
     * <pre>
     * E1 referred 80, sessions 70 (15/12) and 60 (8/6), closed 50: case at start, recovered,
     *    reliable improvement (PHQ-9 down 7) and reliable recovery
     * E2 referred 75, sessions 65 (12/9) and 55 (14/10), closed 40: case at start, not recovered,
     *    no reliable change
     * E3 referred 70, sessions 60 (5/4) and 50 (12/9), closed 30: not a case at start, reliable
     *    deterioration (PHQ-9 up 7)
     * E4 referred 60, session 45 (18/15), closed 20: not finished (one treatment contact)
     * E5 referred 40, sessions 31 (no scores) and 20 (PHQ-9 10 only), open
     * E6 referred 200, session 190 (15/12), closed 150: outside the period
     * </pre>
     *
     * Referrals 5, opened 5, closed 4, a second session in the period 4 (not E4), with attended
     * sessions in the period 5, finished 3, measured 3, case at start 2, recovered 1,
     * reliable improvement 1, reliable recovery 1, reliable deterioration 1; recovery 1/2 = 50%,
     * reliable improvement 1/3 = 33.3%, reliable recovery 1/2 = 50%, reliable deterioration 1/3 =
     * 33.3%. Attended sessions in the period 9, with paired scores 7 (77.8%). Referral to first
     * session 10, 10, 10, 15, 9 days: mean 10.8 over 5; first to second 10, 10, 10, 11: mean 10.3
     * over 4 (10.25, rounded half up). PHQ-9 over E1-E3: first 32/3, last 34/3, change 0.7; GAD-7
     * first 25/3, last 25/3, change 0. Chris, another practitioner in the team, has one client
     * referred 30 days ago, which only the manager's report counts.
     */
    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "reports");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Talking Therapies North");
        practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        String colleague =
                api.signIn(api.newUserInTeam(admin, "Chris Colleague", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        manager = api.signIn(api.newUserInTeam(admin, "Morgan Manager", team, "MANAGER"), Api.GOOD_PASSWORD);
        TherapyRecords pat = new TherapyRecords(api, team, practitioner, clock);
        episode(pat, "E1", 80, 50, new int[][] {{70, 15, 12}, {60, 8, 6}});
        episode(pat, "E2", 75, 40, new int[][] {{65, 12, 9}, {55, 14, 10}});
        episode(pat, "E3", 70, 30, new int[][] {{60, 5, 4}, {50, 12, 9}});
        episode(pat, "E4", 60, 20, new int[][] {{45, 18, 15}});
        String e5 = pat.client();
        pat.openEpisode(e5, 40);
        pat.attendedSession(e5, 31);
        pat.score(e5, pat.attendedSession(e5, 20), "PHQ-9", 10);
        episodes.put("E5", e5);
        episode(pat, "E6", 200, 150, new int[][] {{190, 15, 12}});
        TherapyRecords chris = new TherapyRecords(api, team, colleague, clock);
        colleagueClient = chris.client();
        chris.openEpisode(colleagueClient, 30);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        period = "from=" + today.minusDays(90) + "&to=" + today;
    }

    private void episode(TherapyRecords records, String name, int referred, int closed, int[][] sessions) {
        String code = records.client();
        String episode = records.openEpisode(code, referred);
        for (int[] session : sessions) {
            String id = records.attendedSession(code, session[0]);
            records.score(code, id, "PHQ-9", session[1]);
            records.score(code, id, "GAD-7", session[2]);
        }
        records.closeEpisode(code, episode, closed);
        episodes.put(name, code);
    }

    @Test
    void figuresMatchTheHandComputedFixture() {
        JsonNode report = get("/api/v1/reports/outcomes?" + period, practitioner);
        Map<String, Integer> counts = new HashMap<>();
        report.get("counts")
                .forEach(c ->
                        counts.put(c.get("figure").asString(), c.get("episodes").asInt()));
        assertThat(counts)
                .containsEntry("referrals", 5)
                .containsEntry("opened", 5)
                .containsEntry("closed", 4)
                .containsEntry("second-session", 4)
                .containsEntry("attended", 5)
                .containsEntry("finished", 3)
                .containsEntry("measured", 3)
                .containsEntry("case-at-start", 2)
                .containsEntry("recovered", 1)
                .containsEntry("reliable-improvement", 1)
                .containsEntry("reliable-recovery", 1)
                .containsEntry("reliable-deterioration", 1);
        JsonNode rates = report.get("rates");
        assertThat(rates.get(0).get("percent").asDouble()).isEqualTo(50.0);
        assertThat(rates.get(1).get("percent").asDouble()).isEqualTo(33.3);
        assertThat(rates.get(2).get("percent").asDouble()).isEqualTo(50.0);
        assertThat(rates.get(3).get("percent").asDouble()).isEqualTo(33.3);
        JsonNode completeness = report.get("completeness");
        assertThat(completeness.get("attended").asInt()).isEqualTo(9);
        assertThat(completeness.get("paired").asInt()).isEqualTo(7);
        assertThat(completeness.get("percent").asDouble()).isEqualTo(77.8);
        JsonNode waits = report.get("waits");
        assertThat(waits.get(0).get("episodes").asInt()).isEqualTo(5);
        assertThat(waits.get(0).get("meanDays").asDouble()).isEqualTo(10.8);
        assertThat(waits.get(1).get("episodes").asInt()).isEqualTo(4);
        assertThat(waits.get(1).get("meanDays").asDouble()).isEqualTo(10.3);
        JsonNode changes = report.get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("measure").asString()).isEqualTo("GAD-7");
        assertThat(changes.get(0).get("episodes").asInt()).isEqualTo(3);
        assertThat(changes.get(0).get("meanChange").asDouble()).isEqualTo(0.0);
        assertThat(changes.get(1).get("measure").asString()).isEqualTo("PHQ-9");
        assertThat(changes.get(1).get("meanChange").asDouble()).isEqualTo(0.7);
        assertThat(api.auditActions()).contains("report.viewed");
    }

    @Test
    void drillsDownToTheEpisodesBehindAFigureByPseudonymCode() {
        assertThat(codes(get("/api/v1/reports/outcomes/episodes?figure=recovered&" + period, practitioner)))
                .containsExactly(episodes.get("E1"));
        assertThat(codes(
                        get("/api/v1/reports/outcomes/episodes?figure=reliable-deterioration&" + period, practitioner)))
                .containsExactly(episodes.get("E3"));
        assertThat(codes(get(
                        "/api/v1/reports/outcomes/episodes?figure=closed&stage=COMPLETION&" + period, practitioner)))
                .isEmpty();
        assertThat(api.auditActions()).contains("report.episodes-viewed");
    }

    @Test
    void aPractitionerSeesAndExportsOnlyTheirOwnClientsAndAManagerTheirTeams() {
        assertThat(codes(get("/api/v1/reports/outcomes/episodes?figure=referrals&" + period, practitioner)))
                .doesNotContain(colleagueClient)
                .hasSize(5);
        assertThat(codes(get("/api/v1/reports/outcomes/episodes?figure=referrals&" + period, manager)))
                .contains(colleagueClient)
                .hasSize(6);

        String own = export(practitioner, Map.of("format", "csv", "figure", "referrals"))
                .body();
        assertThat(own).contains(episodes.get("E1"), episodes.get("E5")).doesNotContain(colleagueClient);
        assertThat(own.lines()).hasSize(6);
        String team =
                export(manager, Map.of("format", "csv", "figure", "referrals")).body();
        assertThat(team).contains(colleagueClient);

        List<String> recorded = JdbcClient.create(TestPostgres.asSuperuser())
                .sql(
                        "select target from audit_event where tenant_id = :t and action = 'report.exported' order by occurred_at")
                .param("t", api.tenant().id().value())
                .query((row, n) -> row.getString(1))
                .list();
        assertThat(recorded).hasSize(2);
        assertThat(recorded.getFirst())
                .startsWith("report:outcomes-episodes?")
                .contains("figure=referrals", "format=csv", "rows=5", "from=");
    }

    @Test
    void downloadsTheFiguresAsAFile() {
        HttpResponse<String> csv = export(manager, Map.of("format", "csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("outcomes-report.csv");
        assertThat(csv.body()).contains("Recovery rate,1,2,50", "Referrals received in the period,6");
    }

    @Test
    void refusesBadFiltersAndWeakPasswordsWithAProblem() {
        for (String bad : List.of(
                "/api/v1/reports/outcomes?from=2026-05-01&to=2026-04-01",
                "/api/v1/reports/outcomes?stage=NOWHERE",
                "/api/v1/reports/outcomes?team=not-a-team",
                "/api/v1/reports/outcomes?measure=NOPE-1",
                "/api/v1/reports/outcomes?from=1800-01-01",
                "/api/v1/reports/outcomes/episodes?figure=everyone")) {
            HttpResponse<String> refused = api.get(bad, manager);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .as(bad)
                    .startsWith("application/problem+json");
        }
        HttpResponse<String> weak = export(manager, Map.of("format", "xlsx", "password", "password1"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("stronger password");
        HttpResponse<String> csvWithPassword =
                export(manager, Map.of("format", "csv", "password", "orbit lantern quietly fossil"));
        assertThat(csvWithPassword.statusCode()).isEqualTo(400);
        assertThat(api.auditActions()).doesNotContain("report.exported");
    }

    @Test
    void limitsHowManyDownloadsAUserStarts() {
        for (int i = 0; i < 20; i++) {
            assertThat(export(practitioner, Map.of("format", "csv")).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = export(practitioner, Map.of("format", "csv"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(export(manager, Map.of("format", "csv")).statusCode()).isEqualTo(200);
    }

    @Test
    void carersAndAdminsHaveNoReport() {
        String admin = api.signInAsAdmin();
        assertThat(api.get("/api/v1/reports/outcomes", admin).statusCode()).isEqualTo(403);
        assertThat(export(admin, Map.of("format", "csv")).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> export(String token, Map<String, String> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        body.put("from", today.minusDays(90).toString());
        body.put("to", today.toString());
        return api.post("/api/v1/reports/outcomes/export", Api.json(body), token);
    }

    private JsonNode get(String path, String token) {
        HttpResponse<String> response = api.get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response);
    }

    private static List<String> codes(JsonNode entries) {
        return entries.valueStream().map(e -> e.get("client").asString()).toList();
    }
}

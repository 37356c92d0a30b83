package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.clients.Clients;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * The progress caseload reads each measure's first and latest score per episode from a row kept
 * with the answers; whatever order sessions are recorded in, that row says what the answers
 * themselves say, and the caseload agrees with the client's own progress page.
 */
@TrackwellTest
class EpisodeScoresKeptIT {

    /** The kept rows worked out afresh from every answer, ordered as the kept row orders them. */
    private static final String FROM_THE_ANSWERS = """
            select s.episode_id::text || ' ' || a.measure_id || ' ' || count(a.total) || ' '
              || coalesce(((array_agg(a.total order by s.starts_at, a.recorded_at, a.id)
                   filter (where a.total is not null))[1])::text, '-') || ' '
              || coalesce(((array_agg(a.total order by s.starts_at desc, a.recorded_at desc, a.id desc)
                   filter (where a.total is not null))[1])::text, '-') || ' '
              || coalesce((array_agg(a.band order by s.starts_at desc, a.recorded_at desc, a.id desc)
                   filter (where a.total is not null))[1], '-') || ' ' || bool_or(a.risk)
            from measure_answer a join client_session s on s.id = a.session_id
            group by s.episode_id, a.measure_id order by 1""";

    private static final String KEPT = """
            select episode_id::text || ' ' || measure_id || ' ' || scored || ' '
              || coalesce(first_total::text, '-') || ' ' || coalesce(latest_total::text, '-') || ' '
              || coalesce(latest_band, '-') || ' ' || risk
            from episode_scores order by 1""";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clients clients;

    Api api;
    TherapyRecords records;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "kept-scores");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Kept Scores Team");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Kim Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        records = new TherapyRecords(api, team, practitioner, clock);
    }

    @Test
    void aBackDatedSessionBecomesTheFirstScoreAndALaterOneTheLatest() {
        String code = records.client();
        records.openEpisode(code, 90);
        records.score(code, records.attendedSession(code, 30), "PHQ-9", 15);
        records.score(code, records.attendedSession(code, 10), "PHQ-9", 12);
        records.score(code, records.attendedSession(code, 60), "PHQ-9", 22);
        records.score(code, records.attendedSession(code, 45), "PHQ-9", 19);

        JsonNode line = records.caseload().get(code);
        assertThat(line.get("latest").asDouble()).isEqualTo(12.0);
        assertThat(line.get("percentImprovement").asDouble())
                .as("from 22, recorded last but seen first, to 12")
                .isEqualTo(45.5);
        assertAgreesWithTheProgressPage(code);
        assertKeptRowsSayWhatTheAnswersSay();
    }

    @Test
    void twoSessionsAtOnceAgreeOnWhichScoreIsLatest() {
        String code = records.client();
        records.openEpisode(code, 60);
        records.score(code, records.attendedSession(code, 40), "PHQ-9", 18);
        records.score(code, records.attendedSession(code, 5), "PHQ-9", 9);
        records.score(code, records.attendedSession(code, 5), "PHQ-9", 7);
        records.score(code, records.session(code, 5, "ASSESSMENT", "ATTENDED"), "GAD-7", 11);

        assertAgreesWithTheProgressPage(code);
        assertKeptRowsSayWhatTheAnswersSay();
    }

    @Test
    void aNewEpisodeStartsItsOwnFirstScore() {
        String code = records.client();
        String earlier = records.openEpisode(code, 120);
        records.score(code, records.attendedSession(code, 110), "PHQ-9", 21);
        records.score(code, records.attendedSession(code, 105), "PHQ-9", 16);
        records.closeEpisode(code, earlier, 100);
        records.openEpisode(code, 60);
        records.score(code, records.attendedSession(code, 50), "PHQ-9", 14);
        assertThat(records.caseload().get(code).hasNonNull("light"))
                .as("one score in this episode shows no change yet")
                .isFalse();

        records.score(code, records.attendedSession(code, 20), "PHQ-9", 6);

        JsonNode line = records.caseload().get(code);
        assertThat(line.get("latest").asDouble()).isEqualTo(6.0);
        assertThat(line.get("percentImprovement").asDouble()).isEqualTo(57.1);
        assertAgreesWithTheProgressPage(code);
        assertKeptRowsSayWhatTheAnswersSay();
    }

    @Test
    void anAnswerRefusedAsAlreadyGivenChangesNothingKept() {
        String code = records.client();
        records.openEpisode(code, 60);
        String session = records.attendedSession(code, 30);
        records.score(code, session, "PHQ-9", 17);
        records.score(code, records.attendedSession(code, 10), "PHQ-9", 8);

        HttpResponse<String> again = records.answer(code, session, "PHQ-9", TherapyRecords.totalling("PHQ-9", 3));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(records.caseload().get(code).get("latest").asDouble()).isEqualTo(8.0);
        assertAgreesWithTheProgressPage(code);
        assertKeptRowsSayWhatTheAnswersSay();
    }

    @Test
    void erasureLeavesTheKeptRowsAsTheAnswersLeftInTheClear() {
        String code = records.client();
        records.openEpisode(code, 60);
        records.score(code, records.attendedSession(code, 30), "PHQ-9", 20);
        records.score(code, records.attendedSession(code, 10), "PHQ-9", 10);
        List<String> before = kept();

        transactions.inTenant(api.tenant().id(), () -> {
            clients.erase(clients.byCode(code).orElseThrow(), 1);
            return null;
        });

        assertThat(kept()).isEqualTo(before);
        assertKeptRowsSayWhatTheAnswersSay();
    }

    private void assertAgreesWithTheProgressPage(String code) {
        JsonNode line = records.caseload().get(code);
        JsonNode episode = records.progress(code).get("episodes").get(0);
        for (JsonNode measure : episode.get("measures")) {
            if (measure.get("measure")
                    .asString()
                    .equals(line.get("primaryMeasure").asString())) {
                JsonNode points = measure.get("points");
                assertThat(line.get("latest").asDouble())
                        .as("the caseload's latest is the page's last point")
                        .isEqualTo(points.get(points.size() - 1).get("total").asDouble());
                JsonNode change = measure.path("change");
                assertThat(line.hasNonNull("light")).isEqualTo(change.hasNonNull("light"));
                if (change.hasNonNull("light")) {
                    assertThat(line.get("light")).isEqualTo(change.get("light"));
                    assertThat(line.get("reliableImprovement")).isEqualTo(change.get("reliableImprovement"));
                }
            }
        }
    }

    private void assertKeptRowsSayWhatTheAnswersSay() {
        List<String> fresh = transactions.inTenant(
                api.tenant().id(),
                () -> jdbc.sql(FROM_THE_ANSWERS)
                        .query((row, n) -> row.getString(1))
                        .list());
        assertThat(kept()).isNotEmpty().isEqualTo(fresh);
    }

    private List<String> kept() {
        return transactions.inTenant(
                api.tenant().id(),
                () -> jdbc.sql(KEPT).query((row, n) -> row.getString(1)).list());
    }
}

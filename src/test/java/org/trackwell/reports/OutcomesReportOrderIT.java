package org.trackwell.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
 * Scores that tie on their session's start and on when they were recorded are ordered by their
 * id in the report, as the kept first and latest scores are, so a report reads the same each time.
 */
@TrackwellTest
class OutcomesReportOrderIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Test
    void scoresAtTheSameMomentCountFirstAndLastInTheOrderOfTheirIds() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "report-order");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Same moment");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Moment", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        TherapyRecords records = new TherapyRecords(api, team, practitioner, clock);
        String code = records.client();
        String episode = records.openEpisode(code, 40);
        String one = records.attendedSession(code, 20);
        String other = records.attendedSession(code, 20);
        records.score(code, other, "PHQ-9", 10);
        records.score(code, one, "PHQ-9", 20);
        records.closeEpisode(code, episode, 10);
        JdbcClient database = JdbcClient.create(TestPostgres.asSuperuser());
        database.sql("""
                        update client_session set starts_at = date_trunc('day', starts_at)
                        where tenant_id = :tenant;
                        update measure_answer set recorded_at = date_trunc('day', recorded_at)
                        where tenant_id = :tenant""").param("tenant", api.tenant().id().value()).update();
        List<Double> inIdOrder = database.sql("""
                        select total from measure_answer
                        where tenant_id = :tenant order by id""")
                .param("tenant", api.tenant().id().value())
                .query((row, n) -> row.getDouble(1))
                .list();

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        JsonNode change = get(
                        api,
                        "/api/v1/reports/outcomes?from=" + today.minusDays(90) + "&to=" + today + "&team=" + team,
                        practitioner)
                .get("changes")
                .get(0);

        assertThat(change.get("measure").asString()).isEqualTo("PHQ-9");
        assertThat(List.of(
                        change.get("meanFirst").asDouble(),
                        change.get("meanLast").asDouble()))
                .isEqualTo(inIdOrder);
    }

    private static JsonNode get(Api api, String path, String token) {
        HttpResponse<String> response = api.get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.read(response);
    }
}

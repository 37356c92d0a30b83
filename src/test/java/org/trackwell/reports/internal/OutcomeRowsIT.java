package org.trackwell.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.clients.ClinicalReach;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.Accounts;
import org.trackwell.outcomes.TalkingTherapies.FirstAndLast;
import org.trackwell.outcomes.TherapyRecords;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * The episode lines the outcomes report counts, on the edges of its one-pass query: sessions at
 * the same moment, sessions with no score or one measure only, scores outside treatment
 * sessions, a missed session, an episode with no sessions, open and closed episodes, and the paired measures of one measure.
 */
@TrackwellTest
class OutcomeRowsIT {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");

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
    OutcomeRows rows;

    @Test
    void countsEachEpisodesSessionsAndScoresOnceWhateverTheirShape() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "report-rows");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Edges");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Edges", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        TherapyRecords records = new TherapyRecords(api, team, practitioner, clock);

        String open = records.client();
        records.openEpisode(open, 40);
        String both = records.attendedSession(open, 30);
        records.score(open, both, "PHQ-9", 15);
        records.score(open, both, "GAD-7", 10);
        records.score(open, records.attendedSession(open, 30), "PHQ-9", 9);
        records.session(open, 25, "ASSESSMENT", "ATTENDED");
        records.session(open, 20, "TREATMENT", "DID_NOT_ATTEND");

        String empty = records.client();
        records.closeEpisode(empty, records.openEpisode(empty, 60), 20);

        String closed = records.client();
        String episode = records.openEpisode(closed, 50);
        records.score(closed, records.attendedSession(closed, 45), "GAD-7", 8);
        String paired = records.attendedSession(closed, 40);
        records.score(closed, paired, "PHQ-9", 14);
        records.score(closed, paired, "GAD-7", 6);
        records.score(closed, records.session(closed, 35, "ASSESSMENT", "ATTENDED"), "PHQ-9", 20);
        records.closeEpisode(closed, episode, 15);

        String before = records.client();
        records.closeEpisode(before, records.openEpisode(before, 200), 150);

        List<Double> sameMoment = JdbcClient.create(TestPostgres.asSuperuser())
                .sql("""
                        select a.total from measure_answer a join client c on c.id = a.client_id
                        where a.tenant_id = :tenant and c.code = :code and a.measure_id = 'PHQ-9' order by a.id""")
                .param("tenant", api.tenant().id().value())
                .param("code", PseudonymCode.parse(open).orElseThrow().value())
                .query((row, n) -> row.getDouble(1))
                .list();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        UUID teamId = UUID.fromString(team);
        ReportFilter period = new ReportFilter(today.minusDays(89), today, null, null, null, null, null);

        Map<String, EpisodeLine> lines = lines(api, teamId, period);

        assertThat(lines).containsOnlyKeys(open, empty, closed);
        assertThat(lines.get(open))
                .isEqualTo(line(
                        lines.get(open),
                        today.minusDays(30),
                        today.minusDays(30),
                        2,
                        3,
                        1,
                        new FirstAndLast(sameMoment.getFirst(), sameMoment.getLast()),
                        null));
        assertThat(lines.get(open).referredOn()).isEqualTo(today.minusDays(40));
        assertThat(lines.get(open).closedOn()).isNull();
        assertThat(lines.get(closed).closedOn()).isEqualTo(today.minusDays(15));
        assertThat(lines.get(empty)).isEqualTo(line(lines.get(empty), null, null, 0, 0, 0, null, null));
        assertThat(lines.get(closed))
                .isEqualTo(line(
                        lines.get(closed),
                        today.minusDays(45),
                        today.minusDays(40),
                        2,
                        3,
                        1,
                        new FirstAndLast(14, 20),
                        new FirstAndLast(8, 6)));

        ReportFilter anxiety = new ReportFilter(today.minusDays(89), today, null, null, "GAD-7", null, null);
        assertThat(lines(api, teamId, anxiety).get(closed).pairedInPeriod()).isEqualTo(2);
    }

    private Map<String, EpisodeLine> lines(Api api, UUID team, ReportFilter filter) {
        ClinicalReach manager = new ClinicalReach(UUID.randomUUID(), false, true, new UUID[] {team});
        List<EpisodeLine> lines = new ArrayList<>();
        transactions.inTenant(api.tenant().id(), () -> {
            rows.episodes(filter, manager, List.of("TREATMENT"), ZONE, lines::add);
            return lines;
        });
        return lines.stream().collect(Collectors.toMap(EpisodeLine::code, line -> line));
    }

    /** The line as expected: its client, team, stage and dates as read, the rest as given. */
    private static EpisodeLine line(
            EpisodeLine read,
            @Nullable LocalDate firstContact,
            @Nullable LocalDate secondContact,
            int treatmentContacts,
            int attended,
            int paired,
            @Nullable FirstAndLast depression,
            @Nullable FirstAndLast anxiety) {
        return new EpisodeLine(
                read.code(),
                read.team(),
                read.stage(),
                read.referredOn(),
                read.closedOn(),
                firstContact,
                secondContact,
                treatmentContacts,
                attended,
                paired,
                depression,
                anxiety);
    }
}

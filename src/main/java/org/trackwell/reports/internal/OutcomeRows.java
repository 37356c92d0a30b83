package org.trackwell.reports.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.clients.ClinicalReach;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.outcomes.TalkingTherapies;
import org.trackwell.outcomes.TalkingTherapies.FirstAndLast;

/**
 * The outcomes report's queries. They read the clients' and outcomes' tables in one statement
 * each, since a report over a whole service is only fast as one query; the reach condition is the
 * clients module's ({@link ClinicalReach}) and the outcome definitions are the outcomes module's.
 * Totals, attendance and dates are in the clear; nothing sealed is read.
 */
@Repository
class OutcomeRows {

    private static final int FETCH = 1_000;

    private final JdbcClient jdbc;

    OutcomeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A measure's mean first and last score over the episodes closed in the period scored on it twice or more. */
    record MeanChange(String measure, int episodes, double first, double last) {}

    /**
     * Every episode active in the period within the filter and reach, one at a time, in code order.
     * Set-based (each table scanned once and grouped by episode), not per episode: on a whole
     * service that is what keeps it near a plain aggregate. Whether a session has every paired
     * measure is looked up per session through the answers' unique index: as a join of the sessions
     * with the paired sessions, PostgreSQL, estimating a tenant's share of the ids across all
     * tenants as a few rows, chose a nested loop that regrouped every answer for each session
     * (quadratic in a tenant's sessions: 0.7 s at 1,000 sessions).
     */
    void episodes(
            ReportFilter filter,
            ClinicalReach reach,
            List<String> treatmentTypes,
            ZoneId zone,
            Consumer<EpisodeLine> each) {
        List<String> paired = filter.measure() == null
                ? List.of(TalkingTherapies.DEPRESSION, TalkingTherapies.ANXIETY)
                : List.of(filter.measure());
        try (Stream<EpisodeLine> lines = jdbc
                .sql("""
                        with scope as (
                          select e.id, e.client_id, c.code, c.team_id, e.stage, e.referred_on, e.closed_on
                          from episode e join client c on c.id = e.client_id
                          where\s""" + WHERE + """
                        ), sessions as (
                          select s.id, s.episode_id, s.starts_at, s.session_type, s.attendance
                          from scope join client_session s on s.client_id = scope.client_id and s.episode_id = scope.id
                        ), answers as (
                          select a.id, a.session_id, a.measure_id, a.total, a.recorded_at, s.episode_id, s.starts_at
                          from sessions s join measure_answer a on a.session_id = s.id
                          where a.total is not null
                        ), attendance as (
                          select s.episode_id,
                                 (array_agg(s.starts_at order by s.starts_at))[1] as first_contact,
                                 (array_agg(s.starts_at order by s.starts_at))[2] as second_contact,
                                 count(*) filter (where s.session_type = any(:treatment)) as contacts,
                                 count(*) filter (where s.starts_at >= :start and s.starts_at < :end) as attended,
                                 count(*) filter (where s.starts_at >= :start and s.starts_at < :end
                                   and (select count(distinct a.measure_id) from measure_answer a
                                        where a.session_id = s.id and a.measure_id = any(:paired) and a.total is not null)
                                       = cardinality(:paired)) as paired
                          from sessions s
                          where s.attendance = 'ATTENDED'
                          group by s.episode_id
                        ), scores as (
                          select episode_id,
                                 count(*) filter (where measure_id = 'PHQ-9') as phq_n,
                                 (array_agg(total order by starts_at, recorded_at, id)
                                   filter (where measure_id = 'PHQ-9'))[1] as phq_first,
                                 (array_agg(total order by starts_at desc, recorded_at desc, id desc)
                                   filter (where measure_id = 'PHQ-9'))[1] as phq_last,
                                 count(*) filter (where measure_id = 'GAD-7') as gad_n,
                                 (array_agg(total order by starts_at, recorded_at, id)
                                   filter (where measure_id = 'GAD-7'))[1] as gad_first,
                                 (array_agg(total order by starts_at desc, recorded_at desc, id desc)
                                   filter (where measure_id = 'GAD-7'))[1] as gad_last
                          from answers where measure_id in ('PHQ-9', 'GAD-7')
                          group by episode_id
                        )
                        select e.code, e.team_id, e.stage, e.referred_on, e.closed_on,
                          (x.first_contact at time zone :zone)::date as first_contact,
                          (x.second_contact at time zone :zone)::date as second_contact,
                          coalesce(x.contacts, 0) as contacts, coalesce(x.attended, 0) as attended,
                          coalesce(x.paired, 0) as paired,
                          coalesce(y.phq_n, 0) as phq_n, y.phq_first, y.phq_last,
                          coalesce(y.gad_n, 0) as gad_n, y.gad_first, y.gad_last
                        from scope e
                        left join attendance x on x.episode_id = e.id
                        left join scores y on y.episode_id = e.id
                        order by e.code, e.referred_on, e.id""")
                .params(parameters(filter, reach))
                .param("zone", zone.getId())
                .param("treatment", treatmentTypes.toArray(String[]::new))
                .param("paired", paired.toArray(String[]::new))
                .param("start", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()))
                .param(
                        "end",
                        Timestamp.from(
                                filter.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .withFetchSize(FETCH)
                .query(OutcomeRows::line)
                .stream()) {
            lines.forEach(each);
        }
    }

    List<MeanChange> meanChanges(ReportFilter filter, ClinicalReach reach) {
        return jdbc.sql("""
                        with scope as (
                          select e.id, e.client_id
                          from episode e join client c on c.id = e.client_id
                          where\s""" + WHERE + """
                            and e.closed_on between :from and :to
                        ), episode_scores as (
                          select s.episode_id, a.measure_id,
                                 (array_agg(a.total order by s.starts_at, a.recorded_at, a.id))[1] as first,
                                 (array_agg(a.total order by s.starts_at desc, a.recorded_at desc, a.id desc))[1] as last
                          from scope join client_session s on s.client_id = scope.client_id and s.episode_id = scope.id
                          join measure_answer a on a.session_id = s.id
                          where a.total is not null and (cast(:measure as text) is null or a.measure_id = :measure)
                          group by s.episode_id, a.measure_id having count(*) >= 2
                        )
                        select measure_id, count(*) as episodes, avg(first) as first, avg(last) as last
                        from episode_scores group by measure_id order by measure_id""")
                .params(parameters(filter, reach))
                .param("measure", filter.measure())
                .query((row, n) -> new MeanChange(
                        row.getString("measure_id"),
                        row.getInt("episodes"),
                        row.getDouble("first"),
                        row.getDouble("last")))
                .list();
    }

    private static final String WHERE = ClinicalReach.CONDITION + """
              and e.referred_on <= :to and (e.closed_on is null or e.closed_on >= :from)
              and (cast(:team as uuid) is null or c.team_id = :team)
              and (cast(:practitioner as uuid) is null or exists (select 1 from client_allocation p
                   where p.client_id = c.id and p.user_id = :practitioner))
              and (cast(:stage as text) is null or e.stage = :stage)
            """;

    private static Map<String, @Nullable Object> parameters(ReportFilter filter, ClinicalReach reach) {
        Map<String, @Nullable Object> parameters = new HashMap<>(reach.parameters());
        parameters.put("from", Date.valueOf(filter.from()));
        parameters.put("to", Date.valueOf(filter.to()));
        parameters.put("team", filter.team());
        parameters.put("practitioner", filter.practitioner());
        parameters.put("stage", filter.stage() == null ? null : filter.stage().name());
        return parameters;
    }

    private static EpisodeLine line(ResultSet row, int n) throws SQLException {
        return new EpisodeLine(
                new PseudonymCode(row.getString("code")).toString(),
                row.getObject("team_id", UUID.class),
                EpisodeStage.valueOf(row.getString("stage")),
                row.getObject("referred_on", LocalDate.class),
                row.getObject("closed_on", LocalDate.class),
                row.getObject("first_contact", LocalDate.class),
                row.getObject("second_contact", LocalDate.class),
                row.getInt("contacts"),
                row.getInt("attended"),
                row.getInt("paired"),
                pair(row, "phq"),
                pair(row, "gad"));
    }

    private static @Nullable FirstAndLast pair(ResultSet row, String measure) throws SQLException {
        BigDecimal first = row.getBigDecimal(measure + "_first");
        BigDecimal last = row.getBigDecimal(measure + "_last");
        return row.getInt(measure + "_n") < 2 || first == null || last == null
                ? null
                : new FirstAndLast(first.doubleValue(), last.doubleValue());
    }
}

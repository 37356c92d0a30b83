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
     * Set-based, not per episode: on a whole service that is what keeps it near a plain aggregate.
     * One grouping: each episode joined to its sessions, and each session to its one PHQ-9, one
     * GAD-7 and one chosen measure's score through the answers' unique key, so there is a row per
     * session and no grouped set is ever joined to another. With grouped sets joined, PostgreSQL
     * (estimating a tenant's episodes from the ids of all tenants as a few rows) chose nested loops
     * that regrouped every session for each episode: quadratic in a tenant's data. Here a misestimate
     * can only choose between linear joins.
     */
    void episodes(
            ReportFilter filter,
            ClinicalReach reach,
            List<String> treatmentTypes,
            ZoneId zone,
            Consumer<EpisodeLine> each) {
        try (Stream<EpisodeLine> lines = jdbc
                .sql("""
                        select c.code, c.team_id, e.stage, e.referred_on, e.closed_on,
                          ((array_agg(s.starts_at order by s.starts_at) filter (where s.attendance = 'ATTENDED'))[1]
                            at time zone :zone)::date as first_contact,
                          ((array_agg(s.starts_at order by s.starts_at) filter (where s.attendance = 'ATTENDED'))[2]
                            at time zone :zone)::date as second_contact,
                          count(*) filter (where s.attendance = 'ATTENDED' and s.session_type = any(:treatment)) as contacts,
                          count(*) filter (where s.attendance = 'ATTENDED' and s.starts_at >= :start and s.starts_at < :end)
                            as attended,
                          count(*) filter (where s.attendance = 'ATTENDED' and s.starts_at >= :start and s.starts_at < :end
                            and case when cast(:measure as text) is null then p.id is not null and g.id is not null
                                     else m.id is not null end) as paired,
                          count(p.total) as phq_n,
                          (array_agg(p.total order by s.starts_at, p.recorded_at, p.id) filter (where p.total is not null))[1]
                            as phq_first,
                          (array_agg(p.total order by s.starts_at desc, p.recorded_at desc, p.id desc)
                            filter (where p.total is not null))[1] as phq_last,
                          count(g.total) as gad_n,
                          (array_agg(g.total order by s.starts_at, g.recorded_at, g.id) filter (where g.total is not null))[1]
                            as gad_first,
                          (array_agg(g.total order by s.starts_at desc, g.recorded_at desc, g.id desc)
                            filter (where g.total is not null))[1] as gad_last
                        from episode e join client c on c.id = e.client_id
                        left join client_session s on s.client_id = e.client_id and s.episode_id = e.id
                        left join measure_answer p on p.session_id = s.id and p.measure_id = 'PHQ-9' and p.total is not null
                        left join measure_answer g on g.session_id = s.id and g.measure_id = 'GAD-7' and g.total is not null
                        left join measure_answer m on m.session_id = s.id and m.measure_id = cast(:measure as text)
                          and m.total is not null
                        where\s""" + WHERE + """
                        group by e.tenant_id, e.id, c.tenant_id, c.id
                        order by c.code, e.referred_on, e.id""")
                .params(parameters(filter, reach))
                .param("zone", zone.getId())
                .param("treatment", treatmentTypes.toArray(String[]::new))
                .param("measure", filter.measure())
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

package org.trackwell.outcomes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * Sessions and the measures answered at them, as stored: notes and answers still sealed. What
 * progress reads of them in bulk is {@link ProgressRows}.
 */
@Repository
public class ClientSessionRows {

    private final JdbcClient jdbc;

    ClientSessionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredSession(
            UUID id,
            UUID clientId,
            UUID episodeId,
            Instant startsAt,
            UserId practitioner,
            String type,
            SessionMode mode,
            @Nullable Attendance attendance,
            List<String> plannedMeasures,
            @Nullable EncryptedText notes) {}

    public record StoredAnswer(
            UUID id,
            UUID clientId,
            UUID sessionId,
            Instant sessionStart,
            String measureId,
            int measureVersion,
            EncryptedText answers,
            @Nullable Double total,
            @Nullable String band,
            @Nullable Boolean isCase,
            boolean risk,
            CompletedBy completedBy,
            Instant recordedAt) {}

    public void insert(TenantId tenant, StoredSession session, UserId by, Instant now) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        values.put("id", session.id());
        values.put("client", session.clientId());
        values.put("episode", session.episodeId());
        values.put("startsAt", Timestamp.from(session.startsAt()));
        values.put("practitioner", session.practitioner().value());
        values.put("type", session.type());
        values.put("mode", session.mode().name());
        values.put(
                "attendance",
                session.attendance() == null ? null : session.attendance().name());
        values.put("measures", String.join(",", session.plannedMeasures()));
        values.put("notes", session.notes() == null ? null : session.notes().ciphertext());
        values.put("now", Timestamp.from(now));
        values.put("by", by.value());
        jdbc.sql("""
                insert into client_session (tenant_id, id, client_id, episode_id, starts_at, practitioner_id,
                  session_type, mode, attendance, planned_measures, notes, created_at, created_by)
                values (:tenant, :id, :client, :episode, :startsAt, :practitioner, :type, :mode, :attendance,
                  :measures, :notes, :now, :by)""").params(values).update();
    }

    public void recordAttendance(UUID session, Attendance attendance) {
        jdbc.sql("update client_session set attendance = :attendance where id = :id")
                .param("attendance", attendance.name())
                .param("id", session)
                .update();
    }

    public List<StoredSession> ofClient(UUID client) {
        return jdbc.sql("select * from client_session where client_id = :client order by starts_at, created_at")
                .param("client", client)
                .query(ClientSessionRows::session)
                .list();
    }

    public Optional<StoredSession> find(UUID client, UUID session) {
        return jdbc.sql("select * from client_session where client_id = :client and id = :id")
                .param("client", client)
                .param("id", session)
                .query(ClientSessionRows::session)
                .optional();
    }

    /** Stores an answer; false if the measure was already answered at that session. */
    public boolean insertAnswer(TenantId tenant, StoredAnswer answer, @Nullable UserId by) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("tenant", tenant.value());
        values.put("id", answer.id());
        values.put("client", answer.clientId());
        values.put("session", answer.sessionId());
        values.put("measure", answer.measureId());
        values.put("version", answer.measureVersion());
        values.put("answers", answer.answers().ciphertext());
        values.put("total", answer.total());
        values.put("band", answer.band());
        values.put("isCase", answer.isCase());
        values.put("risk", answer.risk());
        values.put("completedBy", answer.completedBy().name());
        values.put("now", Timestamp.from(answer.recordedAt()));
        values.put("start", Timestamp.from(answer.sessionStart()));
        values.put("by", by == null ? null : by.value());
        return jdbc.sql("""
                        insert into measure_answer (tenant_id, id, client_id, session_id, measure_id, measure_version,
                          answers, total, band, is_case, risk, completed_by, recorded_at, recorded_by)
                        values (:tenant, :id, :client, :session, :measure, :version, :answers, :total, :band,
                          :isCase, :risk, :completedBy, :now, :by)
                        on conflict (tenant_id, session_id, measure_id) do nothing""").params(values).update() == 1 && keepEpisodeScores(values, answer.total() != null);
    }

    /**
     * Keeps the measure's first and latest score in the answer's episode with the answer, in its
     * transaction; answers are never changed, so placing the new one against the two kept is exact.
     * A concurrent answer for the same episode and measure waits for the row and is placed after.
     */
    private boolean keepEpisodeScores(Map<String, @Nullable Object> values, boolean scored) {
        jdbc.sql("""
                insert into episode_scores (tenant_id, episode_id, measure_id, client_id, scored,
                  first_total, first_starts_at, first_recorded_at, first_answer_id,
                  latest_total, latest_band, latest_starts_at, latest_recorded_at, latest_answer_id, risk)
                select s.tenant_id, s.episode_id, :measure, s.client_id, :scored,
                  :total::numeric, :start::timestamptz, :scoredAt::timestamptz, :answer::uuid,
                  :total::numeric, :band::text, :start::timestamptz, :scoredAt::timestamptz, :answer::uuid, :risk
                from client_session s where s.id = :session
                on conflict (tenant_id, episode_id, measure_id) do update
                  set scored = episode_scores.scored + excluded.scored, risk = episode_scores.risk or excluded.risk""")
                .params(values)
                .param("scored", scored ? 1 : 0)
                .param("start", scored ? values.get("start") : null)
                .param("scoredAt", scored ? values.get("now") : null)
                .param("answer", scored ? values.get("id") : null)
                .update();
        if (scored) {
            jdbc.sql("""
                    update episode_scores e
                    set first_total = :total, first_starts_at = :start, first_recorded_at = :now, first_answer_id = :id
                    from client_session s
                    where s.id = :session and e.episode_id = s.episode_id and e.measure_id = :measure
                      and (e.first_answer_id is null
                        or (:start::timestamptz, :now::timestamptz, :id::uuid) < (e.first_starts_at, e.first_recorded_at, e.first_answer_id))""").params(values).update();
            jdbc.sql("""
                    update episode_scores e
                    set latest_total = :total, latest_band = :band, latest_starts_at = :start,
                      latest_recorded_at = :now, latest_answer_id = :id
                    from client_session s
                    where s.id = :session and e.episode_id = s.episode_id and e.measure_id = :measure
                      and (e.latest_answer_id is null
                        or (:start::timestamptz, :now::timestamptz, :id::uuid) > (e.latest_starts_at, e.latest_recorded_at, e.latest_answer_id))""").params(values).update();
        }
        return true;
    }

    /** Every answer of the client, in session order. */
    public List<StoredAnswer> answersOf(UUID client) {
        return jdbc.sql("""
                select a.*, s.starts_at from measure_answer a join client_session s on s.id = a.session_id
                where a.client_id = :client order by s.starts_at, a.recorded_at""")
                .param("client", client)
                .query(ClientSessionRows::answer)
                .list();
    }

    public List<StoredAnswer> answersOf(UUID client, UUID session) {
        return jdbc.sql("""
                select a.*, s.starts_at from measure_answer a join client_session s on s.id = a.session_id
                where a.client_id = :client and a.session_id = :session order by a.recorded_at""")
                .param("client", client)
                .param("session", session)
                .query(ClientSessionRows::answer)
                .list();
    }

    /** Planned sessions starting in the window, for links sent before them. */
    public List<StoredSession> startingBetween(Instant from, Instant to) {
        return jdbc.sql("""
                select * from client_session where starts_at > :from and starts_at <= :to and attendance is null""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(ClientSessionRows::session)
                .list();
    }

    /** Attended sessions that started in the window, for feedback sent after them. */
    public List<StoredSession> attendedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                select * from client_session where starts_at > :from and starts_at <= :to and attendance = 'ATTENDED'""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(ClientSessionRows::session)
                .list();
    }

    private static StoredSession session(ResultSet row, int n) throws SQLException {
        String measures = row.getString("planned_measures");
        byte[] notes = row.getBytes("notes");
        String attendance = row.getString("attendance");
        return new StoredSession(
                row.getObject("id", UUID.class),
                row.getObject("client_id", UUID.class),
                row.getObject("episode_id", UUID.class),
                row.getTimestamp("starts_at").toInstant(),
                new UserId(row.getObject("practitioner_id", UUID.class)),
                row.getString("session_type"),
                SessionMode.valueOf(row.getString("mode")),
                attendance == null ? null : Attendance.valueOf(attendance),
                measures.isBlank() ? List.of() : List.of(measures.split(",")),
                notes == null ? null : new EncryptedText(notes));
    }

    private static StoredAnswer answer(ResultSet row, int n) throws SQLException {
        java.math.BigDecimal total = row.getBigDecimal("total");
        return new StoredAnswer(
                row.getObject("id", UUID.class),
                row.getObject("client_id", UUID.class),
                row.getObject("session_id", UUID.class),
                row.getTimestamp("starts_at").toInstant(),
                row.getString("measure_id"),
                row.getInt("measure_version"),
                new EncryptedText(row.getBytes("answers")),
                total == null ? null : total.doubleValue(),
                row.getString("band"),
                row.getObject("is_case", Boolean.class),
                row.getBoolean("risk"),
                CompletedBy.valueOf(row.getString("completed_by")),
                row.getTimestamp("recorded_at").toInstant());
    }
}

package org.trackwell.outcomes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What progress reads of sessions and answers: the scores (the answers stay sealed and unread),
 * per client or per episode for a caseload, the attended contacts and the last attendance.
 */
@Repository
public class ProgressRows {

    /** A score as progress reads it: the answer's total with its session's episode and start. */
    public record StoredScore(
            UUID episodeId,
            UUID sessionId,
            Instant sessionStart,
            String measureId,
            @Nullable Double total,
            @Nullable String band,
            boolean risk,
            CompletedBy completedBy) {}

    /** One measure in one episode: how many scores, the first and the latest, and any risk answer. */
    public record EpisodeScores(
            UUID episodeId,
            String measureId,
            int scored,
            @Nullable Double first,
            @Nullable Double latest,
            @Nullable String latestBand,
            boolean riskAnswer) {}

    private final JdbcClient jdbc;

    ProgressRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every answer of the client with its episode, in session order (then as recorded, then by id, as
     * the kept first and latest are); answers stay sealed and unread.
     */
    public List<StoredScore> scoresOf(UUID client) {
        return jdbc.sql("""
                select s.episode_id, a.session_id, s.starts_at, a.measure_id, a.total, a.band, a.risk, a.completed_by
                from measure_answer a join client_session s on s.id = a.session_id
                where a.client_id = :client order by s.starts_at, a.recorded_at, a.id""")
                .param("client", client)
                .query((row, n) -> new StoredScore(
                        row.getObject("episode_id", UUID.class),
                        row.getObject("session_id", UUID.class),
                        row.getTimestamp("starts_at").toInstant(),
                        row.getString("measure_id"),
                        decimal(row, "total"),
                        row.getString("band"),
                        row.getBoolean("risk"),
                        CompletedBy.valueOf(row.getString("completed_by"))))
                .list();
    }

    /**
     * For each of the episodes and each measure answered in it, only what a caseload line needs: the
     * row kept with the answers, however many sessions an episode has.
     */
    public List<EpisodeScores> scoresByEpisode(List<UUID> episodes) {
        return jdbc.sql("""
                select episode_id, measure_id, scored, first_total, latest_total, latest_band, risk
                from episode_scores where episode_id = any(:episodes)""")
                .param("episodes", episodes.toArray(UUID[]::new))
                .query((row, n) -> new EpisodeScores(
                        row.getObject("episode_id", UUID.class),
                        row.getString("measure_id"),
                        row.getInt("scored"),
                        decimal(row, "first_total"),
                        decimal(row, "latest_total"),
                        row.getString("latest_band"),
                        row.getBoolean("risk")))
                .list();
    }

    /** For each of the episodes, its attended sessions of the given (treatment) types. */
    public Map<UUID, Integer> attendedContacts(List<UUID> clients, List<UUID> episodes, List<String> types) {
        Map<UUID, Integer> found = new HashMap<>();
        jdbc.sql("""
                select episode_id, count(*) from client_session
                where client_id = any(:clients) and episode_id = any(:episodes) and attendance = 'ATTENDED'
                  and session_type = any(:types)
                group by episode_id""")
                .param("clients", clients.toArray(UUID[]::new))
                .param("episodes", episodes.toArray(UUID[]::new))
                .param("types", types.toArray(String[]::new))
                .query((row, n) -> found.put(row.getObject(1, UUID.class), row.getInt(2)))
                .list();
        return found;
    }

    /** When each client last attended a session. */
    public Map<UUID, Instant> lastAttended(List<UUID> clients, Instant now) {
        Map<UUID, Instant> found = new HashMap<>();
        jdbc.sql("""
                select client_id, max(starts_at) from client_session
                where client_id = any(:clients) and attendance = 'ATTENDED' and starts_at <= :now group by client_id""")
                .param("clients", clients.toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .query((row, n) -> found.put(
                        row.getObject(1, UUID.class), row.getTimestamp(2).toInstant()))
                .list();
        return found;
    }

    private static @Nullable Double decimal(ResultSet row, String column) throws SQLException {
        java.math.BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}

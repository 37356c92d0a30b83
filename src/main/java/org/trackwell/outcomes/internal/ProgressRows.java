package org.trackwell.outcomes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    /** One client's line of a caseload as stored: see {@link #caseloadFacts}. */
    public record CaseloadFacts(
            @Nullable String primaryMeasure, @Nullable Instant lastAttended, int contacts, List<EpisodeScores> scores) {

        static final CaseloadFacts NONE = new CaseloadFacts(null, null, 0, List.of());
    }

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
     * What a caseload line needs of each client, for a page of clients in one statement: the
     * client's own primary measure, when they last attended, and for their current episode its
     * attended treatment contacts and the row kept per measure answered in it (however many
     * sessions it has). {@code episodes} lines up with {@code clients}; a client without an episode
     * has null there.
     */
    public Map<UUID, CaseloadFacts> caseloadFacts(
            List<UUID> clients, List<@Nullable UUID> episodes, List<String> treatmentTypes, Instant now) {
        Map<UUID, CaseloadFacts> found = new HashMap<>();
        jdbc.sql("""
                select c.client_id, c.episode_id, p.measure_id as primary_measure, seen.at as last_attended,
                  contacts.n as contacts, k.measure_id, k.scored, k.first_total, k.latest_total, k.latest_band, k.risk
                from unnest(cast(:clients as uuid[]), cast(:episodes as uuid[])) as c(client_id, episode_id)
                left join client_primary_measure p on p.client_id = c.client_id
                left join lateral (select max(s.starts_at) as at from client_session s
                  where s.client_id = c.client_id and s.attendance = 'ATTENDED' and s.starts_at <= :now) seen on true
                left join lateral (select count(*) as n from client_session s
                  where s.client_id = c.client_id and s.episode_id = c.episode_id and s.attendance = 'ATTENDED'
                    and s.session_type = any(:types)) contacts on true
                left join episode_scores k on k.episode_id = c.episode_id""")
                .param("clients", clients.toArray(UUID[]::new))
                .param("episodes", episodes.toArray(UUID[]::new))
                .param("types", treatmentTypes.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(row -> {
                    UUID client = row.getObject("client_id", UUID.class);
                    CaseloadFacts facts = found.get(client);
                    if (facts == null) {
                        facts = facts(row);
                        found.put(client, facts);
                    }
                    String measure = row.getString("measure_id");
                    if (measure != null) {
                        facts.scores()
                                .add(new EpisodeScores(
                                        row.getObject("episode_id", UUID.class),
                                        measure,
                                        row.getInt("scored"),
                                        decimal(row, "first_total"),
                                        decimal(row, "latest_total"),
                                        row.getString("latest_band"),
                                        row.getBoolean("risk")));
                    }
                });
        return found;
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

    private static CaseloadFacts facts(ResultSet row) throws SQLException {
        Timestamp seen = row.getTimestamp("last_attended");
        return new CaseloadFacts(
                row.getString("primary_measure"),
                seen == null ? null : seen.toInstant(),
                row.getInt("contacts"),
                new ArrayList<>());
    }

    private static @Nullable Double decimal(ResultSet row, String column) throws SQLException {
        java.math.BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}

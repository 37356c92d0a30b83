package org.trackwell.outcomes.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Goals and problems, their wordings (sealed) and ratings. */
@Repository
public class GoalRows {

    private final JdbcClient jdbc;

    GoalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredGoal(
            UUID id,
            Goal.Kind kind,
            Goal.@Nullable ProblemDuration duration,
            Instant openedAt,
            @Nullable Instant closedAt) {}

    public record StoredWording(UUID id, UUID goalId, EncryptedText text, Instant writtenAt) {}

    public record StoredRating(UUID goalId, UUID sessionId, Instant sessionAt, int rating, CompletedBy by) {}

    public void insert(
            TenantId tenant,
            UUID id,
            UUID client,
            Goal.Kind kind,
            Goal.@Nullable ProblemDuration duration,
            UserId by,
            Instant now) {
        jdbc.sql("""
                insert into client_goal (tenant_id, id, client_id, kind, duration, opened_at, opened_by)
                values (:tenant, :id, :client, :kind, :duration, :now, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("client", client)
                .param("kind", kind.name())
                .param("duration", duration == null ? null : duration.name())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    public void addWording(TenantId tenant, UUID id, UUID goal, EncryptedText text, UserId by, Instant now) {
        jdbc.sql("""
                insert into client_goal_wording (tenant_id, id, goal_id, text, written_at, written_by)
                values (:tenant, :id, :goal, :text, :now, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("goal", goal)
                .param("text", text.ciphertext())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    public boolean close(UUID client, UUID goal, UserId by, Instant now) {
        return jdbc.sql("""
                update client_goal set closed_at = :now, closed_by = :by
                where client_id = :client and id = :goal and closed_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("by", by.value())
                        .param("client", client)
                        .param("goal", goal)
                        .update()
                == 1;
    }

    public List<StoredGoal> ofClient(UUID client) {
        return jdbc.sql("select * from client_goal where client_id = :client order by kind, opened_at")
                .param("client", client)
                .query((row, n) -> new StoredGoal(
                        row.getObject("id", UUID.class),
                        Goal.Kind.valueOf(row.getString("kind")),
                        row.getString("duration") == null
                                ? null
                                : Goal.ProblemDuration.valueOf(row.getString("duration")),
                        row.getTimestamp("opened_at").toInstant(),
                        row.getTimestamp("closed_at") == null
                                ? null
                                : row.getTimestamp("closed_at").toInstant()))
                .list();
    }

    public List<StoredWording> wordingsOf(UUID client) {
        return jdbc.sql("""
                select w.* from client_goal_wording w join client_goal g on g.id = w.goal_id
                where g.client_id = :client order by w.written_at""")
                .param("client", client)
                .query((row, n) -> new StoredWording(
                        row.getObject("id", UUID.class),
                        row.getObject("goal_id", UUID.class),
                        new EncryptedText(row.getBytes("text")),
                        row.getTimestamp("written_at").toInstant()))
                .list();
    }

    public List<StoredRating> ratingsOf(UUID client) {
        return jdbc.sql("""
                select r.goal_id, r.session_id, s.starts_at, r.rating, r.completed_by from client_goal_rating r
                join client_goal g on g.id = r.goal_id join client_session s on s.id = r.session_id
                where g.client_id = :client order by s.starts_at""")
                .param("client", client)
                .query((row, n) -> new StoredRating(
                        row.getObject("goal_id", UUID.class),
                        row.getObject("session_id", UUID.class),
                        row.getTimestamp("starts_at").toInstant(),
                        row.getInt("rating"),
                        CompletedBy.valueOf(row.getString("completed_by"))))
                .list();
    }

    /** Records a rating; false if the goal was already rated at that session. */
    public boolean rate(TenantId tenant, UUID goal, UUID session, int rating, CompletedBy by, Instant now) {
        return jdbc.sql("""
                insert into client_goal_rating (tenant_id, goal_id, session_id, rating, completed_by, recorded_at)
                values (:tenant, :goal, :session, :rating, :by, :now) on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("goal", goal)
                        .param("session", session)
                        .param("rating", rating)
                        .param("by", by.name())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}

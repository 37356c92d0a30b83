package org.trackwell.clients.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.clients.Episode;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;

/** Episodes of care and their follow-ups; the referral source is sealed. */
@Repository
public class EpisodeRows {

    /** An episode as stored: its referral source still sealed, and absent from the episode. */
    public record StoredEpisode(Episode episode, @Nullable EncryptedText referralSource) {}

    private final JdbcClient jdbc;

    EpisodeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            TenantId tenant, UUID id, UUID client, LocalDate referredOn, @Nullable EncryptedText source, Instant now) {
        jdbc.sql("""
                insert into episode (tenant_id, id, client_id, referred_on, referral_source, stage, created_at)
                values (:tenant, :id, :client, :referredOn, :source, 'REFERRAL', :now)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("client", client)
                .param("referredOn", Date.valueOf(referredOn))
                .param("source", source == null ? null : source.ciphertext())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The client's episodes, the open one first, then newest first. */
    public List<StoredEpisode> ofClient(UUID client) {
        return jdbc.sql("""
                select e.*, coalesce((select array_agg(f.due_on order by f.due_on) from episode_follow_up f
                  where f.episode_id = e.id), '{}') as follow_ups
                from episode e where e.client_id = :client
                order by (e.closed_on is null) desc, e.referred_on desc, e.created_at desc""")
                .param("client", client)
                .query((row, n) -> new StoredEpisode(
                        new Episode(
                                row.getObject("id", UUID.class),
                                row.getDate("referred_on").toLocalDate(),
                                null,
                                EpisodeStage.valueOf(row.getString("stage")),
                                row.getDate("closed_on") == null
                                        ? null
                                        : row.getDate("closed_on").toLocalDate(),
                                row.getObject("closure_planned", Boolean.class),
                                row.getString("closure_reason") == null
                                        ? null
                                        : ClosureReason.valueOf(row.getString("closure_reason")),
                                java.util.Arrays.stream((Date[])
                                                row.getArray("follow_ups").getArray())
                                        .map(Date::toLocalDate)
                                        .toList()),
                        row.getBytes("referral_source") == null
                                ? null
                                : new EncryptedText(row.getBytes("referral_source"))))
                .list();
    }

    public Optional<StoredEpisode> find(UUID client, UUID episode) {
        return ofClient(client).stream()
                .filter(e -> e.episode().id().equals(episode))
                .findFirst();
    }

    public void setStage(UUID episode, EpisodeStage stage) {
        jdbc.sql("update episode set stage = :stage where id = :id")
                .param("stage", stage.name())
                .param("id", episode)
                .update();
    }

    public void close(UUID episode, LocalDate on, boolean planned, ClosureReason reason) {
        jdbc.sql("""
                update episode set closed_on = :on, closure_planned = :planned, closure_reason = :reason
                where id = :id""")
                .param("on", Date.valueOf(on))
                .param("planned", planned)
                .param("reason", reason.name())
                .param("id", episode)
                .update();
    }

    public void reopen(UUID episode) {
        jdbc.sql("update episode set closed_on = null, closure_planned = null, closure_reason = null where id = :id")
                .param("id", episode)
                .update();
    }

    public void addFollowUp(TenantId tenant, UUID id, UUID episode, LocalDate dueOn, Instant now) {
        jdbc.sql("""
                insert into episode_follow_up (tenant_id, id, episode_id, due_on, created_at)
                values (:tenant, :id, :episode, :dueOn, :now)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("episode", episode)
                .param("dueOn", Date.valueOf(dueOn))
                .param("now", Timestamp.from(now))
                .update();
    }
}

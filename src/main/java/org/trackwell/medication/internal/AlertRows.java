package org.trackwell.medication.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Alerts for a team's managers: missed doses and stock that does not add up. */
@Repository
public class AlertRows {

    private final JdbcClient jdbc;

    AlertRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an alert; {@code count} names the stock count that raised a discrepancy, null for other alerts. */
    public void insert(
            TenantId tenant,
            UUID id,
            UUID team,
            UUID client,
            MedicationAlert.Kind kind,
            String message,
            Instant now,
            @Nullable UUID count) {
        jdbc.sql("""
                insert into medication_alert (tenant_id, id, team_id, client_id, kind, message, raised_at, count_id)
                values (:tenant, :id, :team, :client, :kind, :message, :now, :count)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("team", team)
                .param("client", client)
                .param("kind", kind.name())
                .param("message", message)
                .param("now", Timestamp.from(now))
                .param("count", count)
                .update();
    }

    public List<StoredAlert> open(UUID[] teams) {
        return jdbc.sql("""
                select * from medication_alert where team_id = any(:teams) and acknowledged_at is null
                order by raised_at desc limit 500""")
                .param("teams", teams)
                .query((row, n) -> new StoredAlert(
                        row.getObject("id", UUID.class),
                        row.getObject("client_id", UUID.class),
                        MedicationAlert.Kind.valueOf(row.getString("kind")),
                        row.getString("message"),
                        row.getTimestamp("raised_at").toInstant()))
                .list();
    }

    public record StoredAlert(UUID id, UUID clientId, MedicationAlert.Kind kind, String message, Instant raisedAt) {}

    public boolean acknowledge(UUID id, UUID[] teams, UserId by, Instant now) {
        return jdbc.sql("""
                        update medication_alert set acknowledged_at = :now, acknowledged_by = :by
                        where id = :id and team_id = any(:teams) and acknowledged_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("by", by.value())
                        .param("id", id)
                        .param("teams", teams)
                        .update()
                == 1;
    }

    /** Who acknowledged a stock discrepancy alert, and when, by the count that raised it. */
    public record Acknowledgement(UUID count, UUID by, Instant at) {}

    /** The acknowledged stock discrepancy alerts of the client. */
    public List<Acknowledgement> acknowledgedCounts(UUID client) {
        return jdbc.sql("""
                select count_id, acknowledged_by, acknowledged_at from medication_alert
                where client_id = :client and count_id is not null and acknowledged_at is not null""")
                .param("client", client)
                .query((row, n) -> new Acknowledgement(
                        row.getObject(1, UUID.class),
                        row.getObject(2, UUID.class),
                        row.getTimestamp(3).toInstant()))
                .list();
    }
}

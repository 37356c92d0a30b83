package org.trackwell.monitoring.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.monitoring.Alert;
import org.trackwell.monitoring.NewAlert;

/** Alerts of the stream current on this thread: a tenant's, or the installation's (nil UUID) with none. */
@Repository
public class MonitoringAlertRows {

    private static final String STREAM =
            "coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid, '00000000-0000-0000-0000-000000000000')";

    private final JdbcClient jdbc;

    MonitoringAlertRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the alert unless its rule, subject and window already have one; whether it did. */
    public boolean insertUnlessDuplicate(UUID id, NewAlert alert) {
        return jdbc.sql(
                                "insert into monitoring_alert (tenant_id, id, rule, subject, window_start, what, who, happened_at,"
                                        + " audit_entries) values (" + STREAM
                                        + ", :id, :rule, :subject, :window, :what, :who, :at, :entries)"
                                        + " on conflict (tenant_id, rule, subject, window_start) do nothing")
                        .param("id", id)
                        .param("rule", alert.rule())
                        .param("subject", alert.subject())
                        .param("window", Timestamp.from(alert.windowStart()))
                        .param("what", alert.what())
                        .param("who", alert.who())
                        .param("at", Timestamp.from(alert.happenedAt()))
                        .param("entries", alert.auditEntries().toArray(UUID[]::new))
                        .update()
                == 1;
    }

    public List<Alert> newest(int limit) {
        return jdbc.sql("select * from monitoring_alert order by happened_at desc, id desc limit :limit")
                .param("limit", limit)
                .query(MonitoringAlertRows::alert)
                .list();
    }

    public Optional<Alert> byId(UUID id) {
        return jdbc.sql("select * from monitoring_alert where id = :id")
                .param("id", id)
                .query(MonitoringAlertRows::alert)
                .optional();
    }

    public boolean acknowledge(UUID id, Instant at, String by, String note) {
        return jdbc.sql("""
                        update monitoring_alert set acknowledged_at = :at, acknowledged_by = :by, acknowledgement = :note
                        where id = :id and acknowledged_at is null""")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("note", note)
                        .update()
                == 1;
    }

    private static Alert alert(ResultSet row, int n) throws SQLException {
        Timestamp acknowledged = row.getTimestamp("acknowledged_at");
        return new Alert(
                row.getObject("id", UUID.class),
                row.getString("rule"),
                row.getString("subject"),
                row.getString("what"),
                row.getString("who"),
                row.getTimestamp("happened_at").toInstant(),
                entries(row.getArray("audit_entries")),
                acknowledged == null ? null : acknowledged.toInstant(),
                row.getString("acknowledged_by"),
                row.getString("acknowledgement"));
    }

    private static List<UUID> entries(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}

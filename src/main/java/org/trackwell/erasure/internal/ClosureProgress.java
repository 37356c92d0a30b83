package org.trackwell.erasure.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.audit.ClosingStreams;
import org.trackwell.shared.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a tenant's closure has done so far (V176), each step's result kept as it is done, so that a
 * closure stopped part-way is carried on by running it again after the tenant's rows, its request
 * among them, have gone, and its certificate says what the first run did.
 */
@Repository
public class ClosureProgress {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who asked and when, and when it closed: the certificate's first lines. */
    public record Started(
            String requestedBy, Instant requestedAt, Instant archiveProducedAt, Instant closedAt, ZoneId zone) {}

    private final JdbcClient jdbc;
    private final JdbcClient owner;

    ClosureProgress(JdbcClient jdbc, @Qualifier("ownerDataSource") DataSource owner) {
        this.jdbc = jdbc;
        this.owner = JdbcClient.create(owner);
    }

    /**
     * Starts the closure afresh: nothing it does before the tenant is marked closed is past undoing,
     * so a run stopped before then starts again with the request as it stands.
     */
    public Started start(TenantId tenant, Started started) {
        jdbc.sql("""
                insert into tenant_closure
                    (closed_tenant, requested_by, requested_at, archive_produced_at, closed_at, zone)
                values (:tenant, :by, :asked, :archive, :closed, :zone)
                on conflict (closed_tenant) do update set requested_by = excluded.requested_by,
                    requested_at = excluded.requested_at, archive_produced_at = excluded.archive_produced_at,
                    closed_at = excluded.closed_at, zone = excluded.zone""")
                .param("tenant", tenant.value())
                .param("by", started.requestedBy())
                .param("asked", Timestamp.from(started.requestedAt()))
                .param("archive", Timestamp.from(started.archiveProducedAt()))
                .param("closed", Timestamp.from(started.closedAt()))
                .param("zone", started.zone().getId())
                .update();
        return started;
    }

    public Optional<Started> started(TenantId tenant) {
        return jdbc.sql("""
                        select requested_by, requested_at, archive_produced_at, closed_at, zone
                        from tenant_closure where closed_tenant = :tenant""")
                .param("tenant", tenant.value())
                .query((row, n) -> new Started(
                        row.getString(1),
                        row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant(),
                        ZoneId.of(row.getString(5))))
                .optional();
    }

    /** The audit stream's last checkpoint, signed by {@code sign} the first time only. */
    public ClosingStreams.LastCheckpoint lastCheckpoint(TenantId tenant, Supplier<ClosingStreams.LastCheckpoint> sign) {
        return jdbc.sql("""
                        select last_checkpoint_seq, last_checkpoint_hash, last_checkpoint_signed_at
                        from tenant_closure where closed_tenant = :tenant and last_checkpoint_seq is not null""")
                .param("tenant", tenant.value())
                .query((row, n) -> new ClosingStreams.LastCheckpoint(
                        row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant()))
                .optional()
                .orElseGet(() -> {
                    ClosingStreams.LastCheckpoint last = sign.get();
                    jdbc.sql("""
                            update tenant_closure set last_checkpoint_seq = :seq, last_checkpoint_hash = :hash,
                                last_checkpoint_signed_at = :signed
                            where closed_tenant = :tenant""")
                            .param("tenant", tenant.value())
                            .param("seq", last.seq())
                            .param("hash", last.hash())
                            .param("signed", Timestamp.from(last.signedAt()))
                            .update();
                    return last;
                });
    }

    /**
     * Removes every row of the closed tenant (but its host names and audit stream) the first time,
     * counting them in the same statement, so the counts cannot be lost between the two; the rows
     * removed by table.
     */
    public Map<String, Long> removeRows(TenantId tenant) {
        owner.sql("""
                update tenant_closure
                set rows_removed = (select coalesce(jsonb_object_agg(table_name, removed), '{}')
                                    from close_tenant_rows(:tenant))
                where closed_tenant = :tenant and rows_removed is null""").param("tenant", tenant.value()).update();
        String removed = jdbc.sql("select rows_removed::text from tenant_closure where closed_tenant = :tenant")
                .param("tenant", tenant.value())
                .query((row, n) -> row.getString(1))
                .single();
        Map<String, Long> byTable = new LinkedHashMap<>();
        JSON.readTree(removed).properties().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(table -> byTable.put(table.getKey(), table.getValue().asLong()));
        return byTable;
    }

    /** How many audit entries {@code remove} removed the first time it ran. */
    public long auditEntriesRemoved(TenantId tenant, LongSupplier remove) {
        return jdbc.sql("""
                        select audit_entries_removed from tenant_closure
                        where closed_tenant = :tenant and audit_entries_removed is not null""")
                .param("tenant", tenant.value())
                .query((row, n) -> row.getLong(1))
                .optional()
                .orElseGet(() -> {
                    long removed = remove.getAsLong();
                    jdbc.sql("update tenant_closure set audit_entries_removed = :removed where closed_tenant = :tenant")
                            .param("tenant", tenant.value())
                            .param("removed", removed)
                            .update();
                    return removed;
                });
    }
}

package org.trackwell.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the audit entries: writing one, and reading them back. Only inserts and reads: nothing
 * here updates or deletes an entry. The chain is {@link ChainLinks}, the signed heads {@link
 * AuditCheckpoints}.
 */
@Repository
public class AuditRows {

    public record Filter(
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable String action,
            @Nullable String actorId,
            @Nullable String target,
            @Nullable String outcome,
            List<UUID> entries) {

        public Filter(
                @Nullable Instant from,
                @Nullable Instant to,
                @Nullable String action,
                @Nullable String actorId,
                @Nullable String target,
                @Nullable String outcome) {
            this(from, to, action, actorId, target, outcome, List.of());
        }

        public Filter {
            entries = List.copyOf(entries);
        }
    }

    private final JdbcClient jdbc;

    AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry about to be written: the database dates it (V23__audit_time_order.sql says why). */
    public record NewEvent(
            UUID tenantId,
            UUID id,
            String actorType,
            @Nullable String actorId,
            @Nullable String actorRole,
            String action,
            @Nullable String target,
            String outcome,
            @Nullable String address,
            @Nullable String userAgent,
            @Nullable String requestId) {}

    /** The entry and its row for the sealer in one statement: one round trip to the database. */
    public void insert(NewEvent event) {
        jdbc.sql("""
                with entry as (
                  insert into audit_event (tenant_id, id, actor_type, actor_id, actor_role, action, target, outcome,
                    address, user_agent, request_id)
                  values (:tenant, :id, :actorType, :actorId, :actorRole, :action, :target, :outcome, :address, :agent,
                    :request)
                  returning tenant_id, id)
                insert into audit_pending (tenant_id, event_id) select tenant_id, id from entry""")
                .param("tenant", event.tenantId())
                .param("id", event.id())
                .param("actorType", event.actorType())
                .param("actorId", event.actorId())
                .param("actorRole", event.actorRole())
                .param("action", event.action())
                .param("target", event.target())
                .param("outcome", event.outcome())
                .param("address", event.address())
                .param("agent", event.userAgent())
                .param("request", event.requestId())
                .update();
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
    }

    /** The current stream's entries dated in [from, to), oldest first. */
    public List<StoredEvent> between(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                select * from audit_event where occurred_at >= :from and occurred_at < :to
                order by occurred_at, id limit :limit""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query(AuditRows::event)
                .list();
    }

    public List<StoredEvent> search(Filter filter, int limit, long offset) {
        return jdbc.sql("""
                select * from audit_event
                where (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                  and (cast(:action as text) is null or action = :action)
                  and (cast(:actor as text) is null or actor_id = :actor)
                  and (cast(:target as text) is null or target = :target)
                  and (cast(:outcome as text) is null or outcome = :outcome)
                  and (cardinality(cast(:entries as uuid[])) = 0 or id = any(cast(:entries as uuid[])))
                order by occurred_at desc, id desc limit :limit offset :offset""")
                .param("entries", filter.entries().toArray(UUID[]::new))
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .param("action", filter.action())
                .param("actor", filter.actorId())
                .param("target", filter.target())
                .param("outcome", filter.outcome())
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditRows::event)
                .list();
    }

    /**
     * The earliest entry that is in no chain and cannot join one: not waiting to be sealed, or
     * waiting though dated before the chain's head. Either was put there by hand.
     */
    public Optional<StoredEvent> firstOutsideTheChain() {
        return jdbc.sql("""
                        with head as (
                          select e.occurred_at from audit_seal s
                          join audit_event e on e.tenant_id = s.tenant_id and e.id = s.event_id
                          order by s.seq desc limit 1)
                        select e.* from audit_event e
                        where not exists (select 1 from audit_seal s where s.tenant_id = e.tenant_id and s.event_id = e.id)
                          and (not exists (select 1 from audit_pending p where p.tenant_id = e.tenant_id and p.event_id = e.id)
                               or e.occurred_at < (select occurred_at from head))
                        order by e.occurred_at limit 1""").query(AuditRows::event).optional();
    }

    public static StoredEvent event(ResultSet row, int n) throws SQLException {
        return new StoredEvent(
                row.getObject("tenant_id", UUID.class),
                row.getObject("id", UUID.class),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("actor_type"),
                row.getString("actor_id"),
                row.getString("actor_role"),
                row.getString("action"),
                row.getString("target"),
                row.getString("outcome"),
                row.getString("address"),
                row.getString("user_agent"),
                row.getString("request_id"));
    }
}

package org.trackwell.audit.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the audit tables. Only inserts and reads: nothing here updates or deletes an entry. */
@Repository
public class AuditRows {

    /**
     * The head of a tenant's chain: the last sealed sequence number, its hash and the time of its
     * entry (absent for an empty chain, or if the entry was deleted behind the trail's back).
     */
    public record Head(long seq, byte[] hash, @Nullable Instant occurredAt) {

        public static final Head GENESIS = new Head(0, ChainHash.GENESIS, null);
    }

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

    public record Checkpoint(UUID tenantId, long seq, byte[] hash, Instant signedAt, byte[] signature) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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

    public void insert(NewEvent event) {
        jdbc.sql("""
                insert into audit_event (tenant_id, id, actor_type, actor_id, actor_role, action, target, outcome,
                  address, user_agent, request_id)
                values (:tenant, :id, :actorType, :actorId, :actorRole, :action, :target, :outcome, :address, :agent,
                  :request)""")
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
        jdbc.sql("insert into audit_pending (tenant_id, event_id) values (:tenant, :id)")
                .param("tenant", event.tenantId())
                .param("id", event.id())
                .update();
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
    }

    public long pendingCount(UUID stream) {
        return jdbc.sql("select count(*) from audit_pending where tenant_id = :stream")
                .param("stream", stream)
                .query((row, n) -> row.getLong(1))
                .single();
    }

    /** Streams with pending events, across tenants (the pending list holds identifiers only). */
    public List<UUID> streamsWithPendingEvents() {
        return jdbc.sql("select distinct tenant_id from audit_pending")
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
    }

    /** Only one node seals a stream at a time; another waits, then finds nothing left. Ends with the transaction. */
    public void lockStream(UUID stream) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:stream, 7))")
                .param("stream", stream.toString())
                .query((row, n) -> 0)
                .list();
    }

    public Optional<Head> head() {
        return jdbc.sql("""
                        select s.seq, s.hash, e.occurred_at from audit_seal s
                        left join audit_event e on e.tenant_id = s.tenant_id and e.id = s.event_id
                        order by s.seq desc limit 1""")
                .query((row, n) -> new Head(
                        row.getLong(1),
                        row.getBytes(2),
                        row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant()))
                .optional();
    }

    /** The database's clock, which dates every entry. */
    public Instant databaseTime() {
        return jdbc.sql("select clock_timestamp()")
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    /**
     * A time before which every entry that will ever be committed is committed already: the start
     * of the oldest transaction still open, or now. An open transaction dates its entries after it
     * began, and one that begins later dates them later still. The clock is read before the
     * sessions, so a transaction that the second read misses began after the first.
     */
    public Instant settledBefore() {
        Instant now = databaseTime();
        return jdbc.sql("""
                        select least(cast(:now as timestamptz), min(xact_start)) from pg_stat_activity
                        where datname = current_database() and backend_type = 'client backend'
                          and pid <> pg_backend_pid()""")
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    /**
     * A stream's pending entries dated from its head's time up to {@code before}, in time order.
     * One dated before the head cannot be linked in order; it stays pending for verification to
     * report.
     */
    public List<StoredEvent> pendingEvents(UUID stream, @Nullable Instant from, Instant before, int limit) {
        return jdbc.sql("""
                select e.* from audit_event e join audit_pending p on p.tenant_id = e.tenant_id and p.event_id = e.id
                where e.tenant_id = :stream
                  and e.occurred_at >= coalesce(cast(:from as timestamptz), '-infinity')
                  and e.occurred_at < :before
                order by e.occurred_at, e.id limit :limit""")
                .param("stream", stream)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(AuditRows::event)
                .list();
    }

    /** A link of the chain: the entry at {@code seq} and the hash that covers it and all before. */
    public record Seal(long seq, UUID event, byte[] hash) {}

    /** Appends links to a stream's chain and takes their entries off the pending list, in two statements. */
    public void seal(UUID stream, List<Seal> seals, Instant at) {
        batch.execute((ConnectionCallback<@Nullable Void>) connection -> {
            Array seqs = connection.createArrayOf(
                    "bigint", seals.stream().map(Seal::seq).toArray());
            Array events = connection.createArrayOf(
                    "uuid", seals.stream().map(Seal::event).toArray());
            Array hashes = connection.createArrayOf(
                    "bytea", seals.stream().map(Seal::hash).toArray(byte[][]::new));
            try (PreparedStatement insert = connection.prepareStatement("""
                            insert into audit_seal (tenant_id, seq, event_id, hash, sealed_at)
                            select ?, s.seq, s.event_id, s.hash, ? from unnest(?, ?, ?) as s(seq, event_id, hash)""");
                    PreparedStatement delete = connection.prepareStatement(
                            "delete from audit_pending where tenant_id = ? and event_id = any(?)")) {
                insert.setObject(1, stream);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setArray(3, seqs);
                insert.setArray(4, events);
                insert.setArray(5, hashes);
                insert.executeUpdate();
                delete.setObject(1, stream);
                delete.setArray(2, events);
                delete.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("select * from audit_checkpoint order by seq desc limit 1")
                .query(AuditRows::checkpoint)
                .optional();
    }

    public List<Checkpoint> checkpoints() {
        return jdbc.sql("select * from audit_checkpoint order by seq")
                .query(AuditRows::checkpoint)
                .list();
    }

    public void insertCheckpoint(Checkpoint checkpoint) {
        jdbc.sql("""
                insert into audit_checkpoint (tenant_id, seq, hash, signed_at, signature)
                values (:stream, :seq, :hash, :at, :signature)""")
                .param("stream", checkpoint.tenantId())
                .param("seq", checkpoint.seq())
                .param("hash", checkpoint.hash())
                .param("at", Timestamp.from(checkpoint.signedAt()))
                .param("signature", checkpoint.signature())
                .update();
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

    private static Checkpoint checkpoint(ResultSet row, int n) throws SQLException {
        return new Checkpoint(
                row.getObject("tenant_id", UUID.class),
                row.getLong("seq"),
                row.getBytes("hash"),
                row.getTimestamp("signed_at").toInstant(),
                row.getBytes("signature"));
    }
}

package org.trackwell.audit.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
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

/**
 * The SQL of the hash chain: which entries wait to be linked, the head, and the links themselves.
 * Only inserts and reads, and taking linked entries off the pending list.
 */
@Repository
public class ChainLinks {

    /**
     * The head of a tenant's chain: the last sealed sequence number, its hash and the time of its
     * entry (absent for an empty chain, or if the entry was deleted behind the trail's back).
     */
    public record Head(long seq, byte[] hash, @Nullable Instant occurredAt) {

        public static final Head GENESIS = new Head(0, ChainHash.GENESIS, null);
    }

    /** A link of the chain: the entry at {@code seq} and the hash that covers it and all before. */
    public record Seal(long seq, UUID event, byte[] hash) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ChainLinks(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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
}

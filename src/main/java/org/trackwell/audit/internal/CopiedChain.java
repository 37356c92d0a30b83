package org.trackwell.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Verification's quick path: a stream's links read in sequence order and its entries in the order
 * they were sealed (time, then id), each along its own index as PostgreSQL's binary COPY, in chunks,
 * and zipped here rather than joined. An entry's text fields arrive length-prefixed exactly as
 * {@link ChainHash} encodes them, so the entry is hashed from the bytes read, with no objects made.
 *
 * <p>It only ever confirms: any disagreement (an entry where another was sealed, a hash, a
 * checkpoint, the time order, an entry in no chain) answers empty, and the caller walks the chain
 * the exact way to name the break.
 */
@Repository
public class CopiedChain {

    /** Links and entries read per chunk: two COPY statements each. */
    private static final int CHUNK = 65_536;

    private static final String LINKS = """
            copy (select seq, event_id, hash from audit_seal
                  where tenant_id = cast(current_setting('trackwell.verify_stream') as uuid)
                    and seq > cast(current_setting('trackwell.verify_after_seq') as bigint)
                  order by seq limit cast(current_setting('trackwell.verify_chunk') as integer)) to stdout (format binary)""";

    /** The first chunk has no lower bound: no position, however early, may leave an entry out. */
    private static final String FIRST_ENTRIES = """
            copy (select tenant_id, id, occurred_at, actor_type, actor_id, actor_role, action, target, outcome,
                    address, user_agent, request_id
                  from audit_event
                  where tenant_id = cast(current_setting('trackwell.verify_stream') as uuid)
                  order by occurred_at, id limit cast(current_setting('trackwell.verify_chunk') as integer))
            to stdout (format binary)""";

    private static final String ENTRIES = """
            copy (select tenant_id, id, occurred_at, actor_type, actor_id, actor_role, action, target, outcome,
                    address, user_agent, request_id
                  from audit_event
                  where tenant_id = cast(current_setting('trackwell.verify_stream') as uuid)
                    and (occurred_at, id) > (cast(current_setting('trackwell.verify_after_time') as timestamptz),
                                             cast(current_setting('trackwell.verify_after_id') as uuid))
                  order by occurred_at, id limit cast(current_setting('trackwell.verify_chunk') as integer)) to stdout (format binary)""";

    private static final String POSITION = """
            select set_config('trackwell.verify_stream', ?, true), set_config('trackwell.verify_chunk', ?, true),
              set_config('trackwell.verify_after_seq', ?, true), set_config('trackwell.verify_after_time', ?, true),
              set_config('trackwell.verify_after_id', ?, true)""";

    private static final String ANCHOR = """
            select s.hash, e.occurred_at, e.id from audit_seal s
            join audit_event e on e.tenant_id = s.tenant_id and e.id = s.event_id
            where s.tenant_id = ? and s.seq = ?""";

    /** Entries not sealed after the head must all wait to be sealed; an entry dated before it would sort before it. */
    private static final String UNSEALED_AFTER = """
            select 1 from audit_event e
            where e.tenant_id = cast(current_setting('trackwell.verify_stream') as uuid)
              and (e.occurred_at, e.id) > (cast(current_setting('trackwell.verify_after_time') as timestamptz),
                                           cast(current_setting('trackwell.verify_after_id') as uuid))
              and not exists (select 1 from audit_pending p where p.tenant_id = e.tenant_id and p.event_id = e.id)
              and not exists (select 1 from audit_seal s where s.tenant_id = e.tenant_id and s.event_id = e.id)
            limit 1""";

    /** What the quick path confirmed: every link up to {@code lastSeq}, of which {@code checked} were recomputed. */
    public record Confirmed(long checked, long lastSeq) {}

    private final JdbcTemplate jdbc;
    private final int chunk;

    @Autowired
    CopiedChain(JdbcTemplate jdbc) {
        this(jdbc, CHUNK);
    }

    CopiedChain(JdbcTemplate jdbc, int chunk) {
        this.jdbc = jdbc;
        this.chunk = chunk;
    }

    /**
     * Confirms the chain from its start, or from {@code anchor} (a link whose hash was exported),
     * against the signed {@code checkpoints} by sequence number; empty if anything disagrees.
     * Entries in no chain are looked for only after the head when starting from the start (every
     * entry before it was matched to its link); from an anchor, the caller still looks. An empty
     * chain is left to the exact walk.
     */
    public Optional<Confirmed> confirm(
            UUID stream,
            Map<Long, List<AuditCheckpoints.Checkpoint>> checkpoints,
            AuditCheckpoints.@Nullable Checkpoint anchor) {
        return Optional.ofNullable(jdbc.execute((ConnectionCallback<@Nullable Confirmed>) connection -> {
            Zip zip = new Zip(stream, checkpoints, chunk);
            if (anchor != null && !zip.startAt(connection, anchor)) {
                return null;
            }
            return zip.walk(connection) && (anchor != null || (zip.lastSeq > 0 && nothingUnsealed(connection, zip)))
                    ? new Confirmed(zip.checked, zip.lastSeq)
                    : null;
        }));
    }

    private static boolean nothingUnsealed(Connection connection, Zip zip) throws SQLException {
        zip.position(connection);
        try (PreparedStatement query = connection.prepareStatement(UNSEALED_AFTER);
                var rows = query.executeQuery()) {
            return !rows.next();
        }
    }

    /** The two streams zipped: the links of one chunk held in arrays, the entries hashed as they arrive. */
    private static final class Zip {

        private static final long MICROS_1970_TO_2000 = 946_684_800_000_000L;

        private final UUID stream;
        private final Map<Long, List<AuditCheckpoints.Checkpoint>> checkpoints;
        private final ChainHash.Link link = new ChainHash.Link();
        private final int chunk;
        private final long[] seqs;
        private final long[] eventHigh;
        private final long[] eventLow;
        private final byte[] hashes;
        private final byte[] previous = ChainHash.GENESIS.clone();
        private long previousMicros = Long.MIN_VALUE;
        private long lastSeq;
        private long checked;
        private long afterHigh;
        private long afterLow;

        Zip(UUID stream, Map<Long, List<AuditCheckpoints.Checkpoint>> checkpoints, int chunk) {
            this.stream = stream;
            this.checkpoints = checkpoints;
            this.chunk = chunk;
            this.seqs = new long[chunk];
            this.eventHigh = new long[chunk];
            this.eventLow = new long[chunk];
            this.hashes = new byte[chunk * 32];
        }

        /** The anchor's link is taken as verified; it must still carry the exported hash. */
        boolean startAt(Connection connection, AuditCheckpoints.Checkpoint anchor) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(ANCHOR)) {
                query.setObject(1, stream);
                query.setLong(2, anchor.seq());
                try (var rows = query.executeQuery()) {
                    if (!rows.next() || !Arrays.equals(rows.getBytes(1), anchor.hash())) {
                        return false;
                    }
                    System.arraycopy(anchor.hash(), 0, previous, 0, 32);
                    previousMicros = ChainHash.micros(rows.getTimestamp(2).toInstant());
                    UUID id = rows.getObject(3, UUID.class);
                    afterHigh = id.getMostSignificantBits();
                    afterLow = id.getLeastSignificantBits();
                    lastSeq = anchor.seq();
                    return true;
                }
            }
        }

        boolean walk(Connection connection) throws SQLException {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            while (true) {
                position(connection);
                int links = readLinks(postgres);
                if (links < 0) {
                    return false;
                }
                if (links == 0) {
                    return true;
                }
                if (!zipEntries(postgres, links)) {
                    return false;
                }
                if (links < chunk) {
                    return true;
                }
            }
        }

        /** Where the next chunk starts: after the last link confirmed and its entry. */
        void position(Connection connection) throws SQLException {
            try (PreparedStatement set = connection.prepareStatement(POSITION)) {
                set.setString(1, stream.toString());
                set.setString(2, Integer.toString(chunk));
                set.setString(3, Long.toString(lastSeq));
                set.setString(
                        4,
                        previousMicros == Long.MIN_VALUE
                                ? "-infinity"
                                : Instant.EPOCH
                                        .plus(previousMicros, ChronoUnit.MICROS)
                                        .toString());
                set.setString(5, new UUID(afterHigh, afterLow).toString());
                set.executeQuery().close();
            }
        }

        /** The next chunk of links into the arrays: their count, or -1 for a link the quick path does not take. */
        private int readLinks(PGConnection postgres) throws SQLException {
            try (CopyReader in = new CopyReader(new PGCopyInputStream(postgres, LINKS))) {
                int count = 0;
                long expected = lastSeq + 1;
                while (in.nextRow() == 3) {
                    if (in.length() != 8 || (seqs[count] = in.readLong()) != expected + count) {
                        return -1;
                    }
                    if (in.length() != 16) {
                        return -1;
                    }
                    eventHigh[count] = in.readLong();
                    eventLow[count] = in.readLong();
                    if (in.length() != 32) {
                        return -1;
                    }
                    in.readFully(hashes, count * 32, 32);
                    count++;
                }
                return in.ended() ? count : -1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The entries sealed at the chunk's links, in order, each hashed on the previous link's hash. */
        private boolean zipEntries(PGConnection postgres, int links) throws SQLException {
            String entries = previousMicros == Long.MIN_VALUE ? FIRST_ENTRIES : ENTRIES;
            try (CopyReader in = new CopyReader(new PGCopyInputStream(postgres, entries))) {
                for (int i = 0; i < links; i++) {
                    if (in.nextRow() != 12 || !entry(in, i)) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean entry(CopyReader in, int i) throws IOException {
            ChainHash.Link encoded = link.start();
            if (in.length() != 16
                    || in.readLong() != stream.getMostSignificantBits()
                    || in.readLong() != stream.getLeastSignificantBits()) {
                return false;
            }
            encoded.uuid(stream.getMostSignificantBits(), stream.getLeastSignificantBits());
            if (in.length() != 16) {
                return false;
            }
            long high = in.readLong();
            long low = in.readLong();
            if (high != eventHigh[i] || low != eventLow[i] || in.length() != 8) {
                return false;
            }
            encoded.uuid(high, low);
            long micros = in.readLong() + MICROS_1970_TO_2000;
            if (micros < previousMicros) {
                return false;
            }
            encoded.micros(micros);
            for (int field = 0; field < 9; field++) {
                int length = in.length();
                int at = encoded.text(length);
                if (length > 0) {
                    in.readFully(encoded.buffer(), at, length);
                }
            }
            if (!encoded.matches(previous, hashes, i * 32)) {
                return false;
            }
            long seq = seqs[i];
            for (AuditCheckpoints.Checkpoint checkpoint : checkpoints.getOrDefault(seq, List.of())) {
                if (checkpoint.hash().length != 32
                        || !Arrays.equals(checkpoint.hash(), 0, 32, hashes, i * 32, i * 32 + 32)) {
                    return false;
                }
            }
            System.arraycopy(hashes, i * 32, previous, 0, 32);
            previousMicros = micros;
            afterHigh = high;
            afterLow = low;
            lastSeq = seq;
            checked++;
            return true;
        }
    }
}

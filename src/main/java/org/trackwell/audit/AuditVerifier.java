package org.trackwell.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.trackwell.audit.ChainBreak.Kind;
import org.trackwell.audit.internal.AuditCheckpoints;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.ChainHash;
import org.trackwell.audit.internal.CopiedChain;
import org.trackwell.audit.internal.SigningKey;
import org.trackwell.audit.internal.StoredEvent;
import org.trackwell.database.TenantTransactions;
import org.trackwell.shared.TenantId;

/**
 * Recomputes a stream's chain from the stored entries and reports the first break: an entry
 * altered, deleted, inserted or moved, an entry dated before the one linked before it, or a
 * checkpoint whose signature or hash does not match.
 * Checkpoints exported to files are checked too, which catches a chain rewritten whole.
 */
@Service
public class AuditVerifier {

    private static final String CHAIN = """
            select s.seq, s.hash as sealed_hash, s.event_id as sealed_event, e.*
            from audit_seal s left join audit_event e on e.tenant_id = s.tenant_id and e.id = s.event_id
            where s.seq >= ?
            order by s.seq""";

    private final JdbcTemplate streaming;
    private final CopiedChain quickly;
    private final AuditRows rows;
    private final AuditCheckpoints signedHeads;
    private final SigningKey key;
    private final TenantTransactions transactions;

    AuditVerifier(
            DataSource dataSource,
            AuditRows rows,
            CopiedChain quickly,
            AuditCheckpoints signedHeads,
            SigningKey key,
            TenantTransactions transactions) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.rows = rows;
        this.quickly = quickly;
        this.signedHeads = signedHeads;
        this.key = key;
        this.transactions = transactions;
    }

    public StreamVerification verify(TenantId stream, Optional<Path> exportedCheckpoints) {
        return timed(stream, exportedCheckpoints, 0);
    }

    /**
     * Verifies what was sealed since an earlier verification reached {@code verifiedUpTo}: the walk
     * starts at the newest exported checkpoint at or before it, whose hash the chain must still
     * have there. The anchor lies outside the database, so a chain rewritten whole is still found.
     * Without such a checkpoint the whole chain is verified.
     */
    public StreamVerification verifyAfter(TenantId stream, Path exportedCheckpoints, long verifiedUpTo) {
        return timed(stream, Optional.of(exportedCheckpoints), verifiedUpTo);
    }

    private StreamVerification timed(TenantId stream, Optional<Path> exportedCheckpoints, long verifiedUpTo) {
        long start = System.nanoTime();
        StreamVerification result = transactions.inTenant(
                stream, () -> verifyInTransaction(stream.value(), exportedCheckpoints, verifiedUpTo));
        return new StreamVerification(
                result.stream(),
                result.entriesChecked(),
                result.checkpointsChecked(),
                result.firstBreak(),
                (System.nanoTime() - start) / 1e9,
                result.lastSeq());
    }

    private StreamVerification verifyInTransaction(UUID stream, Optional<Path> exportedCheckpoints, long verifiedUpTo) {
        List<AuditCheckpoints.Checkpoint> checkpoints = new ArrayList<>(signedHeads.checkpoints());
        List<AuditCheckpoints.Checkpoint> exported =
                exportedCheckpoints.map(directory -> read(directory, stream)).orElse(List.of());
        checkpoints.addAll(exported);
        Map<Long, List<AuditCheckpoints.Checkpoint>> bySeq = new HashMap<>();
        PublicKey publicKey = key.publicKey();
        for (AuditCheckpoints.Checkpoint checkpoint : checkpoints) {
            byte[] signed = ChainHash.checkpoint(stream, checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt());
            if (!SigningKey.verify(publicKey, signed, checkpoint.signature())) {
                return new StreamVerification(
                        stream,
                        0,
                        0,
                        Optional.of(new ChainBreak(
                                checkpoint.seq(), Kind.BAD_SIGNATURE, "checkpoint signature does not verify")),
                        0,
                        0);
            }
            bySeq.computeIfAbsent(checkpoint.seq(), seq -> new ArrayList<>()).add(checkpoint);
        }
        Optional<AuditCheckpoints.Checkpoint> anchor = exported.stream()
                .filter(checkpoint -> checkpoint.seq() <= verifiedUpTo)
                .max(Comparator.comparingLong(AuditCheckpoints.Checkpoint::seq));
        long lastCheckpoint =
                bySeq.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        Optional<CopiedChain.Confirmed> confirmed = quickly.confirm(stream, bySeq, anchor.orElse(null))
                .filter(chain -> chain.lastSeq() >= lastCheckpoint)
                .filter(chain -> anchor.isEmpty() || rows.firstOutsideTheChain().isEmpty());
        if (confirmed.isPresent()) {
            return new StreamVerification(
                    stream,
                    confirmed.get().checked(),
                    checkpoints.size(),
                    Optional.empty(),
                    0,
                    confirmed.get().lastSeq());
        }
        Walk walk = new Walk(bySeq, anchor.orElse(null));
        streaming.query(
                CHAIN, walk::step, anchor.map(AuditCheckpoints.Checkpoint::seq).orElse(1L));
        walk.finish();
        if (walk.firstBreak == null) {
            if (lastCheckpoint > walk.expectedSeq - 1) {
                walk.firstBreak = new ChainBreak(
                        walk.expectedSeq, Kind.DELETED, "the chain ends before signed checkpoint " + lastCheckpoint);
            }
        }
        if (walk.firstBreak == null) {
            rows.firstOutsideTheChain()
                    .ifPresent(event -> walk.firstBreak = new ChainBreak(
                            walk.expectedSeq,
                            Kind.INSERTED,
                            "entry " + event.id() + " of " + event.occurredAt() + " is in no chain"));
        }
        return new StreamVerification(
                stream,
                walk.checked,
                checkpoints.size(),
                Optional.ofNullable(walk.firstBreak),
                0,
                walk.expectedSeq - 1);
    }

    /** Walks the chain in sequence order, keeping only the previous hash and the first break. */
    private static final class Walk {

        private final Map<Long, List<AuditCheckpoints.Checkpoint>> checkpoints;
        private AuditCheckpoints.@Nullable Checkpoint anchor;
        private byte[] previous = ChainHash.GENESIS;
        private Instant previousTime = Instant.MIN;
        private long expectedSeq = 1;
        private long checked;
        private @Nullable ChainBreak firstBreak;
        private @Nullable StoredEvent mismatched;

        Walk(Map<Long, List<AuditCheckpoints.Checkpoint>> checkpoints, AuditCheckpoints.@Nullable Checkpoint anchor) {
            this.checkpoints = checkpoints;
            this.anchor = anchor;
            if (anchor != null) {
                expectedSeq = anchor.seq();
            }
        }

        void step(java.sql.ResultSet row) throws java.sql.SQLException {
            if (firstBreak != null) {
                return;
            }
            if (mismatched != null) {
                decide(row.getObject("id") == null ? null : AuditRows.event(row, 0));
                return;
            }
            long seq = row.getLong("seq");
            byte[] sealed = row.getBytes("sealed_hash");
            if (seq != expectedSeq) {
                firstBreak = new ChainBreak(
                        expectedSeq,
                        seq > expectedSeq ? Kind.DELETED : Kind.REORDERED,
                        "sequence " + expectedSeq + " is missing");
                return;
            }
            if (row.getObject("id") == null) {
                firstBreak = new ChainBreak(seq, Kind.DELETED, "the entry sealed here no longer exists");
                return;
            }
            StoredEvent event = AuditRows.event(row, 0);
            if (anchor != null) {
                startAtAnchor(anchor, sealed, event);
                return;
            }
            byte[] recomputed = ChainHash.next(previous, event);
            if (!Arrays.equals(recomputed, sealed)) {
                mismatched = event;
                return;
            }
            for (AuditCheckpoints.Checkpoint checkpoint : checkpoints.getOrDefault(seq, List.of())) {
                if (!Arrays.equals(checkpoint.hash(), sealed)) {
                    firstBreak = new ChainBreak(seq, Kind.ALTERED, "the chain differs from a signed checkpoint");
                    return;
                }
            }
            if (event.occurredAt().isBefore(previousTime)) {
                firstBreak = new ChainBreak(
                        seq,
                        Kind.OUT_OF_ORDER,
                        "entry " + event.id() + " of " + event.occurredAt()
                                + " is dated before the entry linked before it");
                return;
            }
            previousTime = event.occurredAt();
            previous = sealed;
            expectedSeq++;
            checked++;
        }

        /** The anchor's link is taken as verified; it must still carry the exported checkpoint's hash. */
        private void startAtAnchor(AuditCheckpoints.Checkpoint exported, byte[] sealed, StoredEvent event) {
            if (!Arrays.equals(sealed, exported.hash())) {
                firstBreak = new ChainBreak(
                        exported.seq(), Kind.ALTERED, "the chain differs from an exported signed checkpoint");
                return;
            }
            anchor = null;
            previous = sealed;
            previousTime = event.occurredAt();
            expectedSeq++;
        }

        /**
         * Entries are sealed in time order: a mismatched entry followed by one dated before it was
         * moved; otherwise it was altered.
         */
        void decide(@Nullable StoredEvent next) {
            StoredEvent mismatched = Objects.requireNonNull(this.mismatched, "decided only after a mismatch");
            boolean moved = next != null && next.occurredAt().isBefore(mismatched.occurredAt());
            firstBreak = new ChainBreak(
                    expectedSeq,
                    moved ? Kind.REORDERED : Kind.ALTERED,
                    "entry " + mismatched.id() + " does not match its seal");
        }

        void finish() {
            if (mismatched != null && firstBreak == null) {
                decide(null);
            }
        }
    }

    private static List<AuditCheckpoints.Checkpoint> read(Path directory, UUID stream) {
        Path file = directory.resolve(stream + ".checkpoints");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<AuditCheckpoints.Checkpoint> checkpoints = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.strip().split(" ");
                if (parts.length != 5) {
                    continue;
                }
                checkpoints.add(new AuditCheckpoints.Checkpoint(
                        UUID.fromString(parts[0]),
                        Long.parseLong(parts[1]),
                        HexFormat.of().parseHex(parts[2]),
                        Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS),
                        Base64.getDecoder().decode(parts[4])));
            }
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

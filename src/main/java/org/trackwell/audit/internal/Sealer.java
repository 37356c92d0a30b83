package org.trackwell.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.trackwell.audit.CheckpointExport;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.shared.TenantId;

/**
 * Links committed events into each stream's hash chain in time order, about once a second, so
 * that requests only ever insert and never wait on a chain head. It links only entries dated before
 * every transaction still open began (see {@link ChainLinks#settledBefore()}), so a later commit
 * never needs a place earlier in the chain. At least once a minute with new entries it signs the
 * head as a checkpoint, also appended to a file outside the database ({@link CheckpointExport}).
 */
@Component
public class Sealer {

    private static final int BATCH = 5_000;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final TenantId OPERATOR_STREAM = new TenantId(new UUID(0, 0));

    private final ClusterJobs jobs;
    private final Duration interval;
    private final ChainLinks rows;
    private final AuditCheckpoints checkpoints;
    private final SigningKey key;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final Duration checkpointInterval;
    private final Path checkpointDirectory;

    Sealer(
            ChainLinks rows,
            AuditCheckpoints checkpoints,
            SigningKey key,
            TenantTransactions transactions,
            Clock clock,
            @Value("${trackwell.audit.checkpoint-interval:60s}") Duration checkpointInterval,
            CheckpointExport export,
            ClusterJobs jobs,
            @Value("${trackwell.audit.seal-interval:1s}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.rows = rows;
        this.checkpoints = checkpoints;
        this.key = key;
        this.transactions = transactions;
        this.clock = clock;
        this.checkpointInterval = checkpointInterval;
        this.checkpointDirectory = export.directory();
    }

    @Scheduled(fixedDelayString = "${trackwell.audit.seal-interval:1s}")
    void onSchedule() {
        jobs.runOnce("audit-sealer", interval, this::sealAll);
    }

    /** Seals what can be sealed now, never waiting for a transaction still open. */
    public void sealAll() {
        for (UUID stream : transactions.inTenant(OPERATOR_STREAM, rows::streamsWithPendingEvents)) {
            Batch batch;
            do {
                batch = sealBatch(stream);
            } while (batch.sealed() == BATCH);
        }
    }

    /**
     * Seals every entry of one stream committed before the call, waiting up to ten seconds for
     * transactions that began before it; returns how many were sealed.
     */
    public int seal(UUID stream) {
        Instant asked = transactions.inTenant(OPERATOR_STREAM, rows::databaseTime);
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        int total = 0;
        while (true) {
            Batch batch = sealBatch(stream);
            total += batch.sealed();
            if (batch.sealed() == BATCH) {
                continue;
            }
            if (!batch.settledBefore().isBefore(asked) || System.nanoTime() > giveUp || !pause()) {
                return total;
            }
        }
    }

    /**
     * Seals every entry of one stream committed before the call and signs its head in a checkpoint,
     * unless the last checkpoint already signs it: the checkpoint a closing tenant's stream ends
     * with. Refused if entries remain unsealed (a transaction that stayed open).
     */
    public AuditCheckpoints.Checkpoint signHead(UUID stream) {
        seal(stream);
        return transactions.inTenant(new TenantId(stream), () -> {
            rows.lockStream(stream);
            if (rows.pendingCount(stream) > 0) {
                throw new IllegalStateException("entries of stream " + stream + " are still waiting to be sealed");
            }
            ChainLinks.Head head = rows.head().orElse(ChainLinks.Head.GENESIS);
            Optional<AuditCheckpoints.Checkpoint> last = checkpoints.latestCheckpoint();
            if (last.isPresent() && last.get().seq() == head.seq()) {
                return last.get();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditCheckpoints.Checkpoint checkpoint = new AuditCheckpoints.Checkpoint(
                    stream,
                    head.seq(),
                    head.hash(),
                    now,
                    key.sign(ChainHash.checkpoint(stream, head.seq(), head.hash(), now)));
            checkpoints.insertCheckpoint(checkpoint);
            export(checkpointDirectory, checkpoint);
            return checkpoint;
        });
    }

    private record Batch(int sealed, Instant settledBefore) {}

    private Batch sealBatch(UUID stream) {
        return transactions.inTenant(new TenantId(stream), () -> {
            rows.lockStream(stream);
            Instant settled = rows.settledBefore();
            ChainLinks.Head head = rows.head().orElse(ChainLinks.Head.GENESIS);
            List<StoredEvent> events = rows.pendingEvents(stream, head.occurredAt(), settled, BATCH);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long seq = head.seq();
            byte[] hash = head.hash();
            List<ChainLinks.Seal> seals = new ArrayList<>(events.size());
            for (StoredEvent event : events) {
                hash = ChainHash.next(hash, event);
                seals.add(new ChainLinks.Seal(++seq, event.id(), hash));
            }
            if (!events.isEmpty()) {
                rows.seal(stream, seals, now);
                checkpointIfDue(stream, seq, hash, now);
            }
            return new Batch(events.size(), settled);
        });
    }

    private static boolean pause() {
        try {
            Thread.sleep(10);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void checkpointIfDue(UUID stream, long seq, byte[] hash, Instant now) {
        Optional<AuditCheckpoints.Checkpoint> last = checkpoints.latestCheckpoint();
        if (last.isPresent() && last.get().signedAt().plus(checkpointInterval).isAfter(now)) {
            return;
        }
        AuditCheckpoints.Checkpoint checkpoint = new AuditCheckpoints.Checkpoint(
                stream, seq, hash, now, key.sign(ChainHash.checkpoint(stream, seq, hash, now)));
        checkpoints.insertCheckpoint(checkpoint);
        export(checkpointDirectory, checkpoint);
    }

    /** One line per checkpoint: stream, sequence, hash, time in microseconds, signature. */
    static String line(AuditCheckpoints.Checkpoint checkpoint) {
        return checkpoint.tenantId() + " " + checkpoint.seq() + " "
                + HexFormat.of().formatHex(checkpoint.hash()) + " "
                + ChainHash.micros(checkpoint.signedAt()) + " "
                + Base64.getEncoder().encodeToString(checkpoint.signature());
    }

    private static void export(Path directory, AuditCheckpoints.Checkpoint checkpoint) {
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve(checkpoint.tenantId() + ".checkpoints"),
                    line(checkpoint) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

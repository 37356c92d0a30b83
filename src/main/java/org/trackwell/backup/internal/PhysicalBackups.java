package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackwell.backup.BackupProperties;
import org.trackwell.backup.BackupRefused;
import org.trackwell.backup.BackupStatus;
import org.trackwell.backup.Backups;
import org.trackwell.backup.BaseBackupSummary;
import org.trackwell.backup.RestoreCheck;
import org.trackwell.backup.S3Location;
import org.trackwell.backup.StoreLocation;
import org.trackwell.database.EmbeddedCluster;
import org.trackwell.keys.KeyDestroyed;
import org.trackwell.shared.DataDirectory;

/**
 * Backups of the embedded server with PostgreSQL's own mechanisms: base backups ({@link
 * BaseBackup}), the WAL the server archives into the spool, sealed into the store from there
 * ({@link WalShipping}), retention ({@link StoredBackups}) and the erasure ledger. This class
 * keeps the store claimed and remembers how the last attempt of each went.
 */
class PhysicalBackups implements Backups {

    private static final Logger log = LoggerFactory.getLogger(PhysicalBackups.class);

    private final EmbeddedCluster cluster;
    private final BackupStore store;
    private final Sealing sealing;
    private final BackupKeys backupKeys;
    private final Clock clock;
    private final Duration retention;
    private final RestoreChecks restoreChecks;
    private final ErasureLedger ledger;
    private final WalShipping wal;
    private final BaseBackup base;
    private volatile @Nullable Failure failure;

    PhysicalBackups(
            EmbeddedCluster cluster,
            BackupProperties properties,
            DataDirectory dataDirectory,
            SecureRandom random,
            Path checkpoints,
            Clock clock) {
        this.cluster = cluster;
        StoreLocation location = storeLocation(properties, dataDirectory);
        this.store = BackupStores.open(location);
        Path keys = dataDirectory.privateDirectory("keys");
        this.restoreChecks = new RestoreChecks(location, keys, cluster.binaries(), dataDirectory, clock);
        this.clock = clock;
        this.retention = properties.retention();
        this.backupKeys = BackupKeys.loadOrCreate(keys, random, System.out);
        this.sealing = backupKeys.sealing();
        this.ledger = new ErasureLedger(store, backupKeys);
        this.wal = new WalShipping(store, sealing, checkpoints);
        this.base = new BaseBackup(store, sealing, keys, clock);
        try {
            tracked("The backup store", this::claimStore);
        } catch (RuntimeException e) {
            log.error("Backups are not taken: {}", e.getMessage());
        }
    }

    /** The store must be this installation's (or new) before anything is read from or written to it. */
    private boolean claimStore() {
        try {
            backupKeys.claim(store);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the backup store " + store.describe(), e);
        }
    }

    static StoreLocation storeLocation(BackupProperties properties, DataDirectory dataDirectory) {
        S3Location s3 = properties.s3();
        if (s3 != null) {
            if (s3.bucket() == null || s3.bucket().isBlank()) {
                throw new IllegalStateException("trackwell.backup.s3.bucket (TRACKWELL_BACKUP_S3_BUCKET) is not set,"
                        + " but other S3 settings are: set it, or remove them to back up into a directory.");
            }
            return s3;
        }
        return new StoreLocation.Directory(
                properties.directory() != null
                        ? Path.of(properties.directory())
                        : dataDirectory.root().resolveSibling("backups"));
    }

    @Override
    public boolean enabled() {
        return cluster.archiving();
    }

    @Override
    public BackupStatus status() {
        int waiting;
        try {
            waiting = WalShipping.waitingIn(requireCluster().walSpool()).size();
        } catch (IOException e) {
            waiting = -1;
        }
        Optional<Instant> last;
        try {
            last = list().stream().map(BaseBackupSummary::finishedAt).max(Instant::compareTo);
        } catch (RuntimeException e) {
            last = Optional.empty();
        }
        Failure now = failure;
        Optional<RestoreCheck> check = restoreChecks.last();
        Optional<String> checkFailed = check.flatMap(RestoreCheck::failure).map(why -> "The restore check: " + why);
        return new BackupStatus(
                true,
                store.describe(),
                last,
                waiting,
                Optional.ofNullable(now).map(Failure::what).or(() -> checkFailed),
                Optional.ofNullable(now)
                        .map(Failure::since)
                        .or(() -> checkFailed.flatMap(failed -> check.map(RestoreCheck::at))),
                check);
    }

    @Override
    public Optional<RestoreCheck> checkRestore() {
        return list().isEmpty() ? Optional.empty() : Optional.of(restoreChecks.run());
    }

    /** Records how the last attempt went: a failure lasts until the same kind of work next succeeds. */
    private <T> T tracked(String what, Supplier<T> work) {
        try {
            T result = work.get();
            if (failure != null
                    && (failure.what().startsWith(what) || failure.what().startsWith("The backup store"))) {
                failure = null;
            }
            return result;
        } catch (RuntimeException e) {
            String message = what + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            failure = new Failure(message, failure != null ? failure.since() : clock.instant());
            throw e;
        }
    }

    private record Failure(String what, Instant since) {}

    @Override
    public String storeLocation() {
        return store.describe();
    }

    /**
     * Every key destruction goes into the ledger before its transaction commits; if the ledger
     * cannot be written, the destruction fails with it, since a restore could otherwise bring the
     * key back.
     */
    @Override
    public void recordErasure(KeyDestroyed destroyed) {
        tracked("The erasure ledger", () -> {
            ledger.append(destroyed);
            return null;
        });
    }

    @Override
    public List<KeyDestroyed> erasures() {
        return ledger.destructions();
    }

    @Override
    public synchronized int shipArchivedWal() {
        return tracked("Shipping archived WAL", this::ship);
    }

    private int ship() {
        EmbeddedCluster embedded = requireCluster();
        claimStore();
        return wal.ship(embedded.walSpool());
    }

    @Override
    public synchronized String takeBaseBackup() {
        return tracked("The base backup", this::takeBase);
    }

    private String takeBase() {
        EmbeddedCluster embedded = requireCluster();
        claimStore();
        BaseBackupSummary taken = base.take(embedded, ledger.records(), this::ship);
        log.info(
                "Base backup {} taken: {} bytes of data, from WAL segment {}",
                taken.id(),
                taken.bytes(),
                taken.firstWalSegment());
        int pruned = StoredBackups.prune(store, sealing, clock.instant().minus(retention));
        if (pruned > 0) {
            log.info("Removed {} backup files that no base backup within the retention of {} needs", pruned, retention);
        }
        return taken.id();
    }

    @Override
    public List<BaseBackupSummary> list() {
        claimStore();
        return StoredBackups.listIn(store, sealing);
    }

    @Override
    public List<String> walSegments() {
        try {
            return store.list("wal/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmbeddedCluster requireCluster() {
        if (!cluster.archiving()) {
            throw new BackupRefused("Trackwell backs up only its embedded database with WAL archiving on; back up an"
                    + " external PostgreSQL with pgBackRest (docs/operations.md).");
        }
        return cluster;
    }
}

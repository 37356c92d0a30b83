package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
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
 * Backups of the embedded server with PostgreSQL's own mechanisms. A base backup is a copy of the
 * data directory taken between {@code pg_backup_start} and {@code pg_backup_stop}, written as one
 * sealed tar stream; the WAL that makes it consistent, and every segment after it, is archived by
 * the server into the spool and sealed into the store from there.
 */
class PhysicalBackups implements Backups {

    private static final Logger log = LoggerFactory.getLogger(PhysicalBackups.class);

    /** Where the audit trail's exported checkpoints are kept in the store. */
    static final String CHECKPOINTS = "audit-checkpoints/";

    private static final DateTimeFormatter ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Server files that a restored server must not find, or that it makes again itself. */
    private static final Set<String> LEFT_OUT = Set.of(
            "postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "startup.log", "backup_label.old");

    private static final Set<String> EMPTIED = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans",
            "log");

    private final EmbeddedCluster cluster;
    private final BackupStore store;
    private final Path keys;
    private final Sealing sealing;
    private final BackupKeys backupKeys;
    private final Clock clock;
    private final java.time.Duration retention;
    private final RestoreChecks restoreChecks;
    private final ErasureLedger ledger;
    private final Path checkpoints;
    private final Map<String, Long> copiedCheckpoints = new HashMap<>();
    private volatile @Nullable Failure failure;

    PhysicalBackups(
            EmbeddedCluster cluster,
            BackupProperties properties,
            DataDirectory dataDirectory,
            SecureRandom random,
            Path checkpoints,
            Clock clock) {
        this.cluster = cluster;
        this.checkpoints = checkpoints;
        StoreLocation location = storeLocation(properties, dataDirectory);
        this.store = BackupStores.open(location);
        this.keys = dataDirectory.privateDirectory("keys");
        this.restoreChecks = new RestoreChecks(location, keys, cluster.binaries(), dataDirectory, clock);
        this.clock = clock;
        this.retention = properties.retention();
        this.backupKeys = BackupKeys.loadOrCreate(keys, random, System.out);
        this.sealing = backupKeys.sealing();
        this.ledger = new ErasureLedger(store, backupKeys);
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
        try (Stream<Path> files = Files.list(requireCluster().walSpool())) {
            waiting = (int) files.filter(file -> !file.getFileName().toString().endsWith(".part"))
                    .count();
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
    private <T> T tracked(String what, java.util.function.Supplier<T> work) {
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
        List<Path> waiting;
        try (Stream<Path> files = Files.list(embedded.walSpool())) {
            waiting = files.filter(file -> !file.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path segment : waiting) {
            String name = "wal/" + segment.getFileName();
            try (InputStream in = Files.newInputStream(segment)) {
                sealing.seal(in, store, name);
                Files.delete(segment);
            } catch (java.nio.file.NoSuchFileException shippedByAnother) {
                // another process (the service or an operator command) shipped it first
            } catch (IOException e) {
                throw new UncheckedIOException("could not ship " + name + " to " + store.describe(), e);
            }
        }
        copyCheckpoints();
        return waiting.size();
    }

    /**
     * The audit trail's exported checkpoints, copied beside the WAL so that they leave the machine
     * with it and come back with a restore; a file that grew since its last copy is copied again.
     */
    private void copyCheckpoints() {
        if (!Files.isDirectory(checkpoints)) {
            return;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            for (Path file :
                    files.filter(PhysicalBackups::isCheckpoints).sorted().toList()) {
                String name = CHECKPOINTS + file.getFileName();
                long size = Files.size(file);
                if (copiedCheckpoints.getOrDefault(name, -1L) != size) {
                    try (InputStream in = Files.newInputStream(file)) {
                        sealing.seal(in, store, name);
                    }
                    copiedCheckpoints.put(name, size);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the audit checkpoints to " + store.describe(), e);
        }
    }

    static boolean isCheckpoints(Path file) {
        return file.getFileName().toString().endsWith(".checkpoints");
    }

    @Override
    public synchronized String takeBaseBackup() {
        return tracked("The base backup", this::takeBase);
    }

    private String takeBase() {
        EmbeddedCluster embedded = requireCluster();
        claimStore();
        Instant started = clock.instant();
        String id = ID.format(started);
        try (Connection connection = embedded.superuser().getConnection();
                Statement sql = connection.createStatement()) {
            long erasureRecords = ledger.records();
            String firstSegment = single(sql, "select pg_walfile_name(pg_backup_start('trackwell " + id + "', true))");
            long bytes = sealTar(embedded, id, sql);
            sealKeys(id);
            ship();
            BaseBackupSummary summary =
                    new BaseBackupSummary(id, started, clock.instant(), bytes, firstSegment, erasureRecords);
            sealing.seal(Manifest.write(summary), store, Manifest.file(id, Manifest.MANIFEST));
            log.info("Base backup {} taken: {} bytes of data, from WAL segment {}", id, bytes, firstSegment);
            int pruned = prune(store, sealing, clock.instant().minus(retention));
            if (pruned > 0) {
                log.info(
                        "Removed {} backup files that no base backup within the retention of {} needs",
                        pruned,
                        retention);
            }
            return id;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the base backup " + id + " failed", e);
        }
    }

    /** The data directory as a tar stream, sealed as it is written; the backup label goes in last. */
    private long sealTar(EmbeddedCluster embedded, String id, Statement sql) throws IOException, SQLException {
        PipedInputStream tarIn = new PipedInputStream(1 << 20);
        PipedOutputStream tarOut = new PipedOutputStream(tarIn);
        ExecutorService sealer = Executors.newSingleThreadExecutor();
        try {
            Future<?> sealed = sealer.submit(() -> {
                sealing.seal(tarIn, store, Manifest.file(id, Manifest.DATA));
                return null;
            });
            long bytes;
            try (OutputStream out = tarOut) {
                bytes = Tar.write(embedded.dataDirectory(), PhysicalBackups::belongsInBase, out, () -> {
                    try {
                        return List.of(new Tar.Extra(
                                "backup_label", single(sql, "select labelfile from pg_backup_stop(true)")));
                    } catch (SQLException e) {
                        throw new IOException("pg_backup_stop failed: " + e.getMessage(), e);
                    }
                });
            }
            sealed.get();
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
            throw new IOException(cause.getMessage(), cause);
        } finally {
            sealer.shutdownNow();
        }
    }

    private void sealKeys(String id) throws IOException {
        java.io.ByteArrayOutputStream keysTar = new java.io.ByteArrayOutputStream();
        Tar.write(keys, name -> true, keysTar, List::of);
        sealing.seal(new java.io.ByteArrayInputStream(keysTar.toByteArray()), store, Manifest.file(id, Manifest.KEYS));
    }

    static boolean belongsInBase(String name) {
        if (LEFT_OUT.contains(name) || name.startsWith(".s.PGSQL")) {
            return false;
        }
        int slash = name.indexOf('/');
        return slash < 0 || !EMPTIED.contains(name.substring(0, slash));
    }

    /**
     * Removes base backups finished before the cut-off, but never the newest, and the WAL segments
     * that only they needed; returns how many files went. Timeline history files stay.
     */
    static int prune(BackupStore store, Sealing sealing, Instant cutOff) {
        List<BaseBackupSummary> bases = listIn(store, sealing).stream()
                .sorted(java.util.Comparator.comparing(BaseBackupSummary::finishedAt))
                .toList();
        if (bases.isEmpty()) {
            return 0;
        }
        List<BaseBackupSummary> expired = bases.subList(0, bases.size() - 1).stream()
                .filter(base -> base.finishedAt().isBefore(cutOff))
                .toList();
        String oldestNeeded = bases.get(expired.size()).firstWalSegment();
        int removed = 0;
        try {
            for (BaseBackupSummary base : expired) {
                for (String name : store.list("base/" + base.id() + "/")) {
                    store.delete(name);
                    removed++;
                }
            }
            for (String name : store.list("wal/")) {
                String file = name.substring("wal/".length());
                if (!file.endsWith(".history") && file.substring(8).compareTo(oldestNeeded.substring(8)) < 0) {
                    store.delete(name);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    @Override
    public List<BaseBackupSummary> list() {
        claimStore();
        return listIn(store, sealing);
    }

    static List<BaseBackupSummary> listIn(BackupStore store, Sealing sealing) {
        List<BaseBackupSummary> backups = new ArrayList<>();
        try {
            for (String name : store.list("base/")) {
                if (name.endsWith("/" + Manifest.MANIFEST)) {
                    try (InputStream in = sealing.open(store, name)) {
                        backups.add(Manifest.read(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return backups;
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

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}

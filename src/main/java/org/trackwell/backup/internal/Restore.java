package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.trackwell.backup.BackupRefused;
import org.trackwell.backup.BaseBackupSummary;
import org.trackwell.backup.RestoreRequest;
import org.trackwell.backup.RestoreResult;
import org.trackwell.database.RecoveredDatabase;
import org.trackwell.keys.DestroyedKeys;
import org.trackwell.keys.KeyDestroyed;
import org.trackwell.shared.DataDirectory;
import org.trackwell.shared.DirectoryTrees;

/**
 * A restore, in the order that never leaves a half-restored database to start: everything is
 * fetched, checked and decrypted into a directory beside the target first; only then does it take
 * the target's place and PostgreSQL replay the WAL. If replay fails, the files are moved aside.
 */
public final class Restore {

    private static final String CHECKPOINTS = "audit-checkpoints";
    private static final Duration REPLAY_LIMIT = Duration.ofMinutes(30);
    /** PostgreSQL reads at most microseconds, with an explicit offset. */
    private static final java.time.format.DateTimeFormatter POSTGRES_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx")
                    .withZone(java.time.ZoneOffset.UTC);

    private Restore() {}

    public static RestoreResult run(RestoreRequest request) {
        BackupStore store = BackupStores.open(request.store());
        BackupKeys keys = request.recoveryKey() != null
                ? BackupKeys.fromStore(store, request.recoveryKey())
                : BackupKeys.installations(java.util.Objects.requireNonNull(request.installationKeys()));
        Sealing sealing = keys.sealing();
        BaseBackupSummary base = chooseBase(StoredBackups.listIn(store, sealing), request.toTime());
        List<KeyDestroyed> erased = erasures(new ErasureLedger(store, keys), base);
        Path target = request.dataDirectory().toAbsolutePath().normalize();
        refuseOccupied(target, request.replace());
        RecoveredDatabase.requireStopped(target);
        Path partial = target.resolveSibling(target.getFileName() + ".restoring");
        try {
            DirectoryTrees.delete(partial);
            DataDirectory.createPrivateDirectory(partial);
            extract(
                    store,
                    sealing,
                    Manifest.file(base.id(), Manifest.DATA),
                    DataDirectory.createPrivateDirectory(partial.resolve("postgres")));
            extract(
                    store,
                    sealing,
                    Manifest.file(base.id(), Manifest.KEYS),
                    DataDirectory.createPrivateDirectory(partial.resolve("keys")));
            restoreCheckpoints(store, sealing, partial.resolve(CHECKPOINTS), target.resolve(CHECKPOINTS));
            List<String> wal = walFrom(store, base.firstWalSegment());
            Path restoreWal = DataDirectory.createPrivateDirectory(partial.resolve("restore-wal"));
            for (String name : wal) {
                try (InputStream in = sealing.open(store, name)) {
                    Files.copy(in, restoreWal.resolve(name.substring("wal/".length())));
                }
            }
            askForRecovery(partial.resolve("postgres"), request.toTime());
            DirectoryTrees.delete(target);
            Files.move(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            DirectoryTrees.deleteQuietly(partial);
            throw e;
        }
        Optional<Instant> reached;
        AtomicInteger destroyedAgain = new AtomicInteger();
        try {
            reached = RecoveredDatabase.recover(
                    target,
                    request.databasePort(),
                    request.binaries(),
                    REPLAY_LIMIT,
                    superuser -> destroyedAgain.set(DestroyedKeys.destroyAgain(superuser, erased)));
        } catch (RuntimeException e) {
            Path aside = target.resolveSibling(
                    target.getFileName() + ".failed-" + Clock.systemUTC().millis());
            moveQuietly(target, aside);
            throw new BackupRefused("PostgreSQL could not replay the backup, or the erasure ledger could not be"
                    + " applied to it (" + e.getMessage()
                    + "). Nothing was started;" + " the restored files are in " + aside + " for inspection.");
        }
        DirectoryTrees.deleteQuietly(target.resolve("restore-wal"));
        return new RestoreResult(base.id(), countWal(store, base), reached, erased.size(), destroyedAgain.get());
    }

    /**
     * The destructions recorded in the ledger, all of them: those from before the backup are in it
     * already and change nothing, and a destruction stamped just before the backup may have
     * committed after it. Refused if the ledger holds fewer records than when the backup was taken.
     */
    private static List<KeyDestroyed> erasures(ErasureLedger ledger, BaseBackupSummary base) {
        List<KeyDestroyed> erased = ledger.destructions();
        if (erased.size() < base.erasureRecords()) {
            throw new BackupRefused("The erasure ledger in the backup store holds " + erased.size()
                    + " records, but held " + base.erasureRecords() + " when base backup " + base.id()
                    + " was taken: records of key destructions were removed, and erased data could come back.");
        }
        return erased;
    }

    /**
     * The audit checkpoints copied to the store, back into the data directory; where the directory
     * being replaced holds a longer file of a stream (checkpoints signed after the last copy), that
     * one is kept, so that the trail check can tell what the restore went back on.
     */
    private static void restoreCheckpoints(BackupStore store, Sealing sealing, Path into, Path replaced)
            throws IOException {
        DataDirectory.createPrivateDirectory(into);
        for (String name : store.list(WalShipping.CHECKPOINTS)) {
            try (InputStream in = sealing.open(store, name)) {
                Files.copy(in, into.resolve(name.substring(WalShipping.CHECKPOINTS.length())));
            }
        }
        if (!Files.isDirectory(replaced)) {
            return;
        }
        try (Stream<Path> files = Files.list(replaced)) {
            for (Path kept : files.filter(WalShipping::isCheckpoints).toList()) {
                Path restored = into.resolve(kept.getFileName().toString());
                if (!Files.exists(restored) || Files.size(kept) > Files.size(restored)) {
                    Files.copy(kept, restored, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int countWal(BackupStore store, BaseBackupSummary base) {
        return walFrom(store, base.firstWalSegment()).size();
    }

    static BaseBackupSummary chooseBase(List<BaseBackupSummary> bases, @Nullable Instant toTime) {
        return bases.stream()
                .filter(base -> toTime == null || !base.finishedAt().isAfter(toTime))
                .max(Comparator.comparing(BaseBackupSummary::finishedAt))
                .orElseThrow(() -> new BackupRefused(
                        toTime == null
                                ? "The backup store holds no complete base backup."
                                : "The backup store holds no base backup finished before " + toTime + "."));
    }

    private static void refuseOccupied(Path target, boolean replace) {
        try (Stream<Path> entries = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            if (entries.findAny().isPresent() && !replace) {
                throw new BackupRefused("The data directory " + target
                        + " is not empty. Restore into an empty one, or add --replace to overwrite it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The WAL segments from the base backup's first one onward, with every timeline history file;
     * refused if a segment is missing between the first and the last of any timeline.
     */
    static List<String> walFrom(BackupStore store, String first) {
        List<String> needed = new ArrayList<>();
        try {
            for (String name : store.list("wal/")) {
                String file = name.substring("wal/".length());
                if (file.endsWith(".history") || (file.length() == 24 && file.compareTo(first) >= 0)) {
                    needed.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!needed.contains("wal/" + first)) {
            throw new BackupRefused(
                    "The WAL segment wal/" + first + " that the base backup needs is missing from the store.");
        }
        java.util.Map<String, List<String>> byTimeline = new java.util.TreeMap<>();
        for (String name : needed) {
            String file = name.substring("wal/".length());
            if (file.length() == 24) {
                byTimeline
                        .computeIfAbsent(file.substring(0, 8), timeline -> new ArrayList<>())
                        .add(file);
            }
        }
        for (List<String> segments : byTimeline.values()) {
            String last = segments.getLast();
            for (String expected = segments.getFirst(); expected.compareTo(last) <= 0; expected = next(expected)) {
                if (!segments.contains(expected)) {
                    throw new BackupRefused("The WAL segment wal/" + expected + " is missing from the backup store:"
                            + " the WAL after it cannot be replayed.");
                }
            }
        }
        return needed;
    }

    static String next(String segment) {
        long log = Long.parseLong(segment.substring(8, 16), 16);
        long seg = Long.parseLong(segment.substring(16, 24), 16);
        if (seg == 0xFF) {
            log++;
            seg = 0;
        } else {
            seg++;
        }
        HexFormat hex = HexFormat.of().withUpperCase();
        return segment.substring(0, 8) + hex.toHexDigits((int) log) + hex.toHexDigits((int) seg);
    }

    private static void extract(BackupStore store, Sealing sealing, String name, Path into) throws IOException {
        try (InputStream in = sealing.open(store, name)) {
            Tar.extract(in, into, name);
        }
    }

    private static void askForRecovery(Path postgres, @Nullable Instant toTime) throws IOException {
        Files.createFile(postgres.resolve("recovery.signal"));
        StringBuilder settings =
                new StringBuilder("\n# Restore by Trackwell\nrestore_command = 'cp ../restore-wal/%f %p'\n");
        if (toTime != null) {
            settings.append("recovery_target_time = '")
                    .append(POSTGRES_TIME.format(toTime.truncatedTo(java.time.temporal.ChronoUnit.MICROS)))
                    .append("'\n");
            settings.append("recovery_target_action = 'promote'\n");
        }
        Files.writeString(
                postgres.resolve("postgresql.auto.conf"),
                settings,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void moveQuietly(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException ignored) {
            // the refusal still names where the files are meant to be
        }
    }
}

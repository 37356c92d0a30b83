package org.trackwell.backup.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trackwell.backup.BaseBackupSummary;
import org.trackwell.database.EmbeddedCluster;

/**
 * One base backup: a copy of the data directory taken between {@code pg_backup_start} and
 * {@code pg_backup_stop}, written as one sealed tar stream, with the installation's keys beside it
 * and, once the WAL that makes it consistent is in the store, its manifest.
 */
final class BaseBackup {

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

    private final BackupStore store;
    private final Sealing sealing;
    private final Path keys;
    private final Clock clock;

    BaseBackup(BackupStore store, Sealing sealing, Path keys, Clock clock) {
        this.store = store;
        this.sealing = sealing;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param erasureRecords how many key destructions the erasure ledger holds now, for a restore
     *     to apply those after them again
     * @param shipWal ships the WAL archived so far, before the manifest says the backup is whole
     */
    BaseBackupSummary take(EmbeddedCluster embedded, long erasureRecords, Runnable shipWal) {
        Instant started = clock.instant();
        String id = ID.format(started);
        try (Connection connection = embedded.superuser().getConnection();
                Statement sql = connection.createStatement()) {
            String firstSegment = single(sql, "select pg_walfile_name(pg_backup_start('trackwell " + id + "', true))");
            long bytes = sealTar(embedded, id, sql);
            sealKeys(id);
            shipWal.run();
            BaseBackupSummary summary =
                    new BaseBackupSummary(id, started, clock.instant(), bytes, firstSegment, erasureRecords);
            sealing.seal(Manifest.write(summary), store, Manifest.file(id, Manifest.MANIFEST));
            return summary;
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
                bytes = Tar.write(embedded.dataDirectory(), BaseBackup::belongsInBase, out, () -> {
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
        } catch (ExecutionException e) {
            Throwable cause = Objects.requireNonNullElse(e.getCause(), e);
            throw new IOException(cause.getMessage(), cause);
        } finally {
            sealer.shutdownNow();
        }
    }

    private void sealKeys(String id) throws IOException {
        ByteArrayOutputStream keysTar = new ByteArrayOutputStream();
        Tar.write(keys, name -> true, keysTar, List::of);
        sealing.seal(new ByteArrayInputStream(keysTar.toByteArray()), store, Manifest.file(id, Manifest.KEYS));
    }

    static boolean belongsInBase(String name) {
        if (LEFT_OUT.contains(name) || name.startsWith(".s.PGSQL")) {
            return false;
        }
        int slash = name.indexOf('/');
        return slash < 0 || !EMPTIED.contains(name.substring(0, slash));
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}

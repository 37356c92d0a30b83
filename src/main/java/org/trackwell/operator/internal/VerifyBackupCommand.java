package org.trackwell.operator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.trackwell.backup.BackupRefused;
import org.trackwell.backup.RestoreRequest;
import org.trackwell.backup.RestoreResult;
import org.trackwell.backup.Restores;
import org.trackwell.shared.StartRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backup verify}: a real restore of the latest backup into a directory of its own, opened
 * with the installation's own backup key, replayed by PostgreSQL on a port of its own; the command
 * line then verifies the restored audit trail and removes the copy. Nothing of the running
 * installation is touched.
 */
@Command(
        name = "verify",
        description =
                "Restore the latest backup into a temporary directory, replay it, verify its audit trail, and report.")
public class VerifyBackupCommand implements Callable<Integer> {

    @Option(
            names = "--store",
            description = "The backup store: a directory, or s3://bucket/prefix (default: TRACKWELL_BACKUP_S3_BUCKET,"
                    + " TRACKWELL_BACKUP_DIRECTORY or backups beside the data directory)")
    @Nullable
    String store;

    @Spec
    CommandSpec spec;

    private @Nullable Path copy;
    private int port;

    @Override
    public Integer call() {
        Path data = RestoreCommand.configuredDataDirectory(null);
        try {
            copy = Files.createTempDirectory("trackwell-backup-verify").resolve("data");
            port = freePort();
            RestoreResult result = Restores.restore(new RestoreRequest(
                    RestoreCommand.storeLocation(store, data),
                    null,
                    data.resolve("keys"),
                    null,
                    copy,
                    false,
                    port,
                    RestoreCommand.binaries(data)));
            spec.commandLine()
                    .getOut()
                    .println("Restored base backup " + result.baseBackupId() + " with "
                            + result.walSegments() + " WAL segments; reached "
                            + result.reached().map(Instant::toString).orElse("the base backup"));
            return 0;
        } catch (BackupRefused | StartRefused refused) {
            spec.commandLine().getErr().println("Backup verification FAILED: " + refused.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The restored copy, for the audit verification that follows. */
    public @Nullable Path restoredInto() {
        return copy;
    }

    public int restoredPort() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.trackwell.operator.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.trackwell.backup.BackupRefused;
import org.trackwell.backup.RestoreRequest;
import org.trackwell.backup.RestoreResult;
import org.trackwell.backup.Restores;
import org.trackwell.backup.S3Location;
import org.trackwell.backup.StoreLocation;
import org.trackwell.shared.StartRefused;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backup restore}: runs without the application (there is no database yet), from the backup
 * store and the recovery key alone. The command line then verifies the audit trail of what it
 * restored.
 */
@Command(
        name = "restore",
        description = "Restore the embedded database (and the keys it needs) from the backup store, to the latest"
                + " moment or to a time; then verify the audit trail.")
public class RestoreCommand implements Callable<Integer> {

    static class Target {
        @Option(names = "--latest", required = true, description = "Everything up to the last archived WAL")
        boolean latest;

        @Option(names = "--to-time", required = true, description = "An ISO-8601 instant, e.g. 2026-12-01T10:15:00Z")
        @Nullable
        Instant toTime;
    }

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--recovery-key-file", required = true, description = "The file holding the backup recovery key")
    Path recoveryKeyFile;

    @Option(names = "--data-dir", description = "Where to restore (default: TRACKWELL_DATA_DIR or ./data)")
    @Nullable
    Path dataDirectory;

    @Option(
            names = "--store",
            description = "The backup store: a directory, or s3://bucket/prefix (default: TRACKWELL_BACKUP_S3_BUCKET,"
                    + " TRACKWELL_BACKUP_DIRECTORY or backups beside the data directory)")
    @Nullable
    String store;

    @Option(names = "--replace", description = "Overwrite a data directory that is not empty")
    boolean replace;

    @Spec
    CommandSpec spec;

    /** Where the restore went, for the audit verification that follows. */
    public Path restoredInto() {
        return dataDirectory();
    }

    @Override
    public Integer call() {
        try {
            Path data = dataDirectory();
            RestoreResult result = Restores.restore(new RestoreRequest(
                    storeLocation(store, data),
                    Files.readString(recoveryKeyFile),
                    null,
                    target.latest ? null : target.toTime,
                    data,
                    replace,
                    Integer.parseInt(setting("TRACKWELL_DATABASE_EMBEDDED_PORT", "54329")),
                    Path.of(setting(
                            "TRACKWELL_DATABASE_EMBEDDED_BINARIES",
                            data.resolve("postgres-binaries").toString()))));
            spec.commandLine()
                    .getOut()
                    .println("Restored base backup " + result.baseBackupId() + " with " + result.walSegments()
                            + " WAL segments into " + data);
            spec.commandLine()
                    .getOut()
                    .println("Erasure ledger: " + result.erasuresInLedger() + " key destructions applied again ("
                            + result.keysDestroyedAgain() + " of the keys were in what was restored)");
            spec.commandLine()
                    .getOut()
                    .println("Reached: "
                            + result.reached().map(Instant::toString).orElse("the base backup (no later transaction)"));
            return 0;
        } catch (BackupRefused | StartRefused refused) {
            spec.commandLine().getErr().println(refused.getMessage());
            return BackupCommands.REFUSED;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot read " + recoveryKeyFile + ": " + e.getMessage());
            return BackupCommands.REFUSED;
        }
    }

    private Path dataDirectory() {
        return configuredDataDirectory(dataDirectory);
    }

    static Path configuredDataDirectory(@Nullable Path given) {
        return (given != null ? given : Path.of(setting("TRACKWELL_DATA_DIR", "./data")))
                .toAbsolutePath()
                .normalize();
    }

    static Path binaries(Path data) {
        return Path.of(setting(
                "TRACKWELL_DATABASE_EMBEDDED_BINARIES",
                data.resolve("postgres-binaries").toString()));
    }

    /**
     * The store named on the command line, else the one the service is configured with. An S3
     * bucket is reached with the service's settings ({@code TRACKWELL_BACKUP_S3_ENDPOINT},
     * {@code _REGION}, {@code _PATH_STYLE}, {@code _ACCESS_KEY_ID}, {@code _SECRET_ACCESS_KEY}) or
     * AWS's usual sources.
     */
    static StoreLocation storeLocation(@Nullable String given, Path data) {
        if (given != null && given.startsWith("s3://")) {
            String path = given.substring("s3://".length());
            int slash = path.indexOf('/');
            return s3(slash < 0 ? path : path.substring(0, slash), slash < 0 ? "" : path.substring(slash + 1));
        }
        if (given != null) {
            return new StoreLocation.Directory(Path.of(given));
        }
        String bucket = System.getenv("TRACKWELL_BACKUP_S3_BUCKET");
        if (bucket != null && !bucket.isBlank()) {
            return s3(bucket, setting("TRACKWELL_BACKUP_S3_PREFIX", ""));
        }
        String configured = System.getenv("TRACKWELL_BACKUP_DIRECTORY");
        return new StoreLocation.Directory(configured != null ? Path.of(configured) : data.resolveSibling("backups"));
    }

    private static S3Location s3(String bucket, String prefix) {
        String endpoint = System.getenv("TRACKWELL_BACKUP_S3_ENDPOINT");
        return new S3Location(
                bucket,
                prefix,
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                System.getenv("TRACKWELL_BACKUP_S3_REGION"),
                Boolean.parseBoolean(System.getenv("TRACKWELL_BACKUP_S3_PATH_STYLE")),
                System.getenv("TRACKWELL_BACKUP_S3_ACCESS_KEY_ID"),
                System.getenv("TRACKWELL_BACKUP_S3_SECRET_ACCESS_KEY"));
    }

    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}

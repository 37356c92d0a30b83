package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackwell.backup.RestoreCheck;
import org.trackwell.backup.RestoreRequest;
import org.trackwell.backup.RestoreResult;
import org.trackwell.backup.StoreLocation;
import org.trackwell.shared.DataDirectory;
import org.trackwell.shared.DirectoryTrees;

/**
 * The automatic proof that backups restore: the latest backup restored into a scratch copy beside
 * the data directory (it needs as much disk as the database), replayed by PostgreSQL on a port of
 * its own, then removed. The last result is kept in a file, so that operator commands, which run
 * in processes of their own, see it too.
 */
final class RestoreChecks {

    private static final Logger log = LoggerFactory.getLogger(RestoreChecks.class);

    private final StoreLocation store;
    private final Path keys;
    private final Path binaries;
    private final Path scratch;
    private final Path result;
    private final Clock clock;

    RestoreChecks(StoreLocation store, Path keys, Path binaries, DataDirectory dataDirectory, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.binaries = binaries;
        this.scratch = dataDirectory.root().resolve("restore-check");
        this.result = dataDirectory.root().resolve("restore-check.properties");
        this.clock = clock;
    }

    RestoreCheck run() {
        Instant at = clock.instant();
        RestoreCheck check;
        try {
            DirectoryTrees.delete(scratch);
            DataDirectory.createPrivateDirectory(scratch);
            RestoreResult restored = Restore.run(
                    new RestoreRequest(store, null, keys, null, scratch.resolve("data"), false, freePort(), binaries));
            check = RestoreCheck.passed(at, restored);
            log.info("Restore check passed: {}", check.detail());
        } catch (RuntimeException e) {
            check = RestoreCheck.failed(at, "the latest backup did not restore: " + e.getMessage());
            log.error("Restore check failed: {}", check.detail());
        } finally {
            DirectoryTrees.deleteQuietly(scratch);
        }
        save(check);
        return check;
    }

    Optional<RestoreCheck> last() {
        if (!Files.exists(result)) {
            return Optional.empty();
        }
        Properties saved = new Properties();
        try (InputStream in = Files.newInputStream(result)) {
            saved.load(in);
            return Optional.of(new RestoreCheck(
                    Instant.parse(saved.getProperty("at")),
                    Boolean.parseBoolean(saved.getProperty("passed")),
                    saved.getProperty("detail", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.of(RestoreCheck.failed(clock.instant(), "the last check's result cannot be read"));
        }
    }

    private void save(RestoreCheck check) {
        Properties saved = new Properties();
        saved.setProperty("at", check.at().toString());
        saved.setProperty("passed", Boolean.toString(check.passed()));
        saved.setProperty("detail", check.detail());
        Path partial = result.resolveSibling(result.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                saved.store(out, "The last automatic restore check of the backups");
            }
            Files.move(partial, result, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the restore check's result in " + result, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

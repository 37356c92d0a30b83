package org.trackwell.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's own directory (default {@code ./data}): embedded database, certificates, key
 * material. It and its keys directory must be private to the account Trackwell runs as: start is
 * refused when other users can reach them.
 */
@Component
public class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;

    DataDirectory(@Value("${trackwell.data-dir:./data}") String root) {
        this.root = openPrivate(Path.of(root));
    }

    public Path root() {
        return root;
    }

    /** A sub-directory readable only by the account Trackwell runs as, created when missing. */
    public Path privateDirectory(String name) {
        return createPrivateDirectory(root.resolve(name));
    }

    public static Path createPrivateDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data directory, created private when missing; refused when it or its keys directory
     * already exists and lets other users in.
     */
    public static Path openPrivate(Path configured) {
        Path root = configured.toAbsolutePath().normalize();
        try {
            if (!Files.exists(root)) {
                Files.createDirectories(root.getParent());
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            requirePrivate(root);
            requirePrivate(root.resolve("keys"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requirePrivate(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new StartRefused(
                    directory + " can be read by other users (permissions " + PosixFilePermissions.toString(permissions)
                            + "); it holds client data or keys.",
                    "Run: chmod 700 " + directory + "  (and make sure it belongs to the account Trackwell runs as).");
        }
    }
}

package org.trackwell.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The installation's own directory (default {@code ./data}): embedded database, certificates, key material. */
@Component
public class DataDirectory {

    private final Path root;

    DataDirectory(@Value("${trackwell.data-dir:./data}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
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
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

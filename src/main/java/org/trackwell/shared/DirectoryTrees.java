package org.trackwell.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory with everything in it: unpacked programs, restores, temporary copies. */
public final class DirectoryTrees {

    private DirectoryTrees() {}

    /** Deletes the tree, if there is one. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }

    /** Deletes what it can: for leftovers that nothing will ever start or read. */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (UncheckedIOException ignored) {
            // what is left has no place as anything Trackwell uses
        }
    }
}

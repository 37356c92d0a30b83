package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Seals the WAL segments the server archived into the spool into the store, and the audit
 * trail's exported checkpoints beside them, so that both leave the machine together and come
 * back with a restore.
 */
final class WalShipping {

    /** Where the audit trail's exported checkpoints are kept in the store. */
    static final String CHECKPOINTS = "audit-checkpoints/";

    private final BackupStore store;
    private final Sealing sealing;
    private final Path checkpoints;
    private final Map<String, Long> copiedCheckpoints = new HashMap<>();

    WalShipping(BackupStore store, Sealing sealing, Path checkpoints) {
        this.store = store;
        this.sealing = sealing;
        this.checkpoints = checkpoints;
    }

    /** The finished segments in the spool; one still being written ends in {@code .part}. */
    static List<Path> waitingIn(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .toList();
        }
    }

    /** Returns how many segments were waiting. */
    int ship(Path spool) {
        List<Path> waiting;
        try {
            waiting = waitingIn(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path segment : waiting) {
            String name = "wal/" + segment.getFileName();
            try (InputStream in = Files.newInputStream(segment)) {
                sealing.seal(in, store, name);
                Files.delete(segment);
            } catch (NoSuchFileException shippedByAnother) {
                // another process (the service or an operator command) shipped it first
            } catch (IOException e) {
                throw new UncheckedIOException("could not ship " + name + " to " + store.describe(), e);
            }
        }
        copyCheckpoints();
        return waiting.size();
    }

    /** A checkpoints file that grew since its last copy is copied again. */
    private void copyCheckpoints() {
        if (!Files.isDirectory(checkpoints)) {
            return;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            for (Path file : files.filter(WalShipping::isCheckpoints).sorted().toList()) {
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
}

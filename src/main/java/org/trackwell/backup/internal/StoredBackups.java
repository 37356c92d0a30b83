package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trackwell.backup.BaseBackupSummary;

/** The base backups a store holds, and retention: what may go once a newer base backup covers it. */
final class StoredBackups {

    private StoredBackups() {}

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

    /**
     * Removes base backups finished before the cut-off, but never the newest, and the WAL segments
     * that only they needed; returns how many files went. Timeline history files stay.
     */
    static int prune(BackupStore store, Sealing sealing, Instant cutOff) {
        List<BaseBackupSummary> bases = listIn(store, sealing).stream()
                .sorted(Comparator.comparing(BaseBackupSummary::finishedAt))
                .toList();
        if (bases.isEmpty()) {
            return 0;
        }
        List<BaseBackupSummary> expired = bases.subList(0, bases.size() - 1).stream()
                .filter(base -> base.finishedAt().isBefore(cutOff))
                .toList();
        String oldestNeeded = bases.get(expired.size()).firstWalSegment();
        try {
            return removeBases(store, expired) + removeWalBefore(store, oldestNeeded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int removeBases(BackupStore store, List<BaseBackupSummary> expired) throws IOException {
        int removed = 0;
        for (BaseBackupSummary base : expired) {
            for (String name : store.list("base/" + base.id() + "/")) {
                store.delete(name);
                removed++;
            }
        }
        return removed;
    }

    private static int removeWalBefore(BackupStore store, String oldestNeeded) throws IOException {
        int removed = 0;
        for (String name : store.list("wal/")) {
            String file = name.substring("wal/".length());
            if (!file.endsWith(".history") && file.substring(8).compareTo(oldestNeeded.substring(8)) < 0) {
                store.delete(name);
                removed++;
            }
        }
        return removed;
    }
}

package org.trackwell.backup;

import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@code backup restore} was asked for.
 *
 * @param toTime the moment to restore to; null for the latest the store holds
 * @param replace whether a data directory that is not empty may be overwritten
 * @param recoveryKey the recovery key; null to open the store with the running installation's own
 *     backup key, from {@code installationKeys} (for verifying backups)
 */
public record RestoreRequest(
        StoreLocation store,
        @Nullable String recoveryKey,
        @Nullable Path installationKeys,
        @Nullable Instant toTime,
        Path dataDirectory,
        boolean replace,
        int databasePort,
        Path binaries) {

    @Override
    public String toString() {
        return "RestoreRequest[store=" + store + ", toTime=" + toTime + ", dataDirectory=" + dataDirectory + "]";
    }
}

package org.trackwell.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * How the backups stand, for health and the operator.
 *
 * @param walWaiting archived WAL segments not yet sealed into the store
 * @param failure the last failure, while it lasts: what failed, and when it started
 * @param lastCheck the last automatic restore check, if one has run
 */
public record BackupStatus(
        boolean enabled,
        String store,
        Optional<Instant> lastBaseBackup,
        int walWaiting,
        Optional<String> failure,
        Optional<Instant> failingSince,
        Optional<RestoreCheck> lastCheck) {

    public boolean ok() {
        return failure.isEmpty();
    }
}

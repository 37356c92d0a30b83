package org.trackwell.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * How the last automatic restore of the latest backup went.
 *
 * @param detail when it passed, the base backup and how far PostgreSQL replayed; when it failed,
 *     why
 */
public record RestoreCheck(Instant at, boolean passed, String detail) {

    public static RestoreCheck passed(Instant at, RestoreResult result) {
        return new RestoreCheck(
                at,
                true,
                "base backup " + result.baseBackupId() + " and " + result.walSegments() + " WAL segments replayed"
                        + result.reached().map(reached -> " to " + reached).orElse(""));
    }

    public static RestoreCheck failed(Instant at, String why) {
        return new RestoreCheck(at, false, why);
    }

    public Optional<String> failure() {
        return passed ? Optional.empty() : Optional.of(detail);
    }
}

package org.trackwell.backup;

import org.trackwell.backup.internal.Restore;

/**
 * Restores on a machine where Trackwell does not run: from the backup store and the recovery key
 * alone, without the application or its database.
 */
public final class Restores {

    private Restores() {}

    public static RestoreResult restore(RestoreRequest request) {
        return Restore.run(request);
    }
}

package org.trackwell.backup;

/**
 * A backup or restore that cannot go on, for a reason the operator is told in full: a file that
 * was altered, a wrong recovery key, a missing WAL segment, a data directory in the way.
 */
public class BackupRefused extends RuntimeException {

    public BackupRefused(String message) {
        super(message);
    }
}

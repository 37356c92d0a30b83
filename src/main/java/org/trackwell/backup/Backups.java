package org.trackwell.backup;

import java.util.List;

/** The installation's backups: base backups now and on a schedule, continuous WAL shipping, the list. */
public interface Backups {

    /** Takes a base backup now (with the WAL it needs shipped) and returns its id. */
    String takeBaseBackup();

    /** Seals the archived WAL segments waiting in the spool into the store; returns how many. */
    int shipArchivedWal();

    List<BaseBackupSummary> list();

    /** The WAL segments in the store, oldest first. */
    List<String> walSegments();

    String storeLocation();

    BackupStatus status();

    /** Whether this installation backs up at all (the embedded database; an external one is backed up by its own tools). */
    boolean enabled();
}

package org.trackwell.backup;

import java.util.List;
import java.util.Optional;
import org.trackwell.keys.KeyDestroyed;

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

    /**
     * Restores the latest backup into a scratch copy beside the data directory, lets PostgreSQL
     * replay it, and removes the copy: the proof that the backups restore. The result is kept for
     * health, for this process and for operator commands. Nothing, before the first base backup.
     */
    Optional<RestoreCheck> checkRestore();

    /**
     * Appends a key destruction to the erasure ledger in the backup store, for restores of older
     * backups to destroy the key again; fails if it cannot be written.
     */
    void recordErasure(KeyDestroyed destroyed);

    /**
     * Every key destruction in the erasure ledger, oldest first, checked whole; refused where no
     * ledger is kept, or when records were altered or removed.
     */
    List<KeyDestroyed> erasures();

    /** Whether this installation backs up at all (the embedded database; an external one is backed up by its own tools). */
    boolean enabled();
}

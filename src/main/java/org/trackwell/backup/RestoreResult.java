package org.trackwell.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * What a restore laid down and how far PostgreSQL replayed: the time of the last transaction, if
 * any; and the key destructions of the erasure ledger applied again before anything opened the
 * database ({@code keysDestroyedAgain} of them were live in what was restored).
 */
public record RestoreResult(
        String baseBackupId,
        int walSegments,
        Optional<Instant> reached,
        int erasuresInLedger,
        int keysDestroyedAgain) {}

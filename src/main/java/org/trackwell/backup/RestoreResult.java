package org.trackwell.backup;

import java.time.Instant;
import java.util.Optional;

/** What a restore laid down and how far PostgreSQL replayed: the time of the last transaction, if any. */
public record RestoreResult(String baseBackupId, int walSegments, Optional<Instant> reached) {}

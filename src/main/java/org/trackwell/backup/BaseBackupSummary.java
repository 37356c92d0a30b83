package org.trackwell.backup;

import java.time.Instant;

/** One base backup in the store: when it was taken, its size, and the first WAL segment it needs. */
public record BaseBackupSummary(String id, Instant startedAt, Instant finishedAt, long bytes, String firstWalSegment) {}

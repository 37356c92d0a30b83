package org.trackwell.backup;

import java.time.Instant;

/**
 * One base backup in the store: when it was taken, its size, the first WAL segment it needs, and
 * how many records the erasure ledger held when it was taken (a ledger found shorter has lost
 * records).
 */
public record BaseBackupSummary(
        String id, Instant startedAt, Instant finishedAt, long bytes, String firstWalSegment, long erasureRecords) {}

package org.trackwell.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.internal.AuditRows;

/** How far the sealer is behind: the entries committed but not yet in a chain, across tenants. */
@Service
public class AuditStatus {

    private final AuditRows rows;

    AuditStatus(AuditRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public long entriesAwaitingSeal() {
        return rows.pendingCount();
    }

    /** The chain of the stream current on this thread: the tenant's, or the operator's when none is. */
    @Transactional(readOnly = true)
    public StreamStatus currentStream() {
        long sealed = rows.head().map(AuditRows.Head::seq).orElse(0L);
        var checkpoint = rows.latestCheckpoint();
        return new StreamStatus(
                sealed,
                checkpoint.map(AuditRows.Checkpoint::seq).orElse(0L),
                checkpoint.map(AuditRows.Checkpoint::signedAt).orElse(null));
    }

    /** The operator's own stream, newest first: operator and system events, no tenant content. */
    @Transactional(readOnly = true)
    public java.util.List<AuditEntry> operatorStream(int limit) {
        return rows.search(new AuditRows.Filter(null, null, null, null, null, null), limit, 0).stream()
                .map(AuditEntry::of)
                .toList();
    }
}

package org.trackwell.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.internal.AuditCheckpoints;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.ChainLinks;

/** How far the sealer is behind: the entries committed but not yet in a chain, across tenants. */
@Service
public class AuditStatus {

    private final AuditRows rows;
    private final ChainLinks chain;
    private final AuditCheckpoints checkpoints;

    AuditStatus(AuditRows rows, ChainLinks chain, AuditCheckpoints checkpoints) {
        this.rows = rows;
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    @Transactional(readOnly = true)
    public long entriesAwaitingSeal() {
        return rows.pendingCount();
    }

    /** The chain of the stream current on this thread: the tenant's, or the operator's when none is. */
    @Transactional(readOnly = true)
    public StreamStatus currentStream() {
        long sealed = chain.head().map(ChainLinks.Head::seq).orElse(0L);
        var checkpoint = checkpoints.latestCheckpoint();
        return new StreamStatus(
                sealed,
                checkpoint.map(AuditCheckpoints.Checkpoint::seq).orElse(0L),
                checkpoint.map(AuditCheckpoints.Checkpoint::signedAt).orElse(null));
    }

    /** The operator's own stream, newest first: operator and system events, no tenant content. */
    @Transactional(readOnly = true)
    public java.util.List<AuditEntry> operatorStream(int limit) {
        return rows.search(new AuditRows.Filter(null, null, null, null, null, null), limit, 0).stream()
                .map(AuditEntry::of)
                .toList();
    }
}

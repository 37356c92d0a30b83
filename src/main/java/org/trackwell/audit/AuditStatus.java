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
}

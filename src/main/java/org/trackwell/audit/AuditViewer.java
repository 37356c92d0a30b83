package org.trackwell.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.internal.AuditRows;
import org.trackwell.audit.internal.StoredEvent;
import org.trackwell.shared.StepUp;

/** The tenant's trail as its admins and auditors read it, newest first; every reading is itself recorded. */
@Service
public class AuditViewer {

    private final AuditRows rows;
    private final AuditTrail trail;
    private final StepUp stepUp;

    AuditViewer(AuditRows rows, AuditTrail trail, StepUp stepUp) {
        this.rows = rows;
        this.trail = trail;
        this.stepUp = stepUp;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    public List<StoredEvent> search(AuditRows.Filter filter, int limit, long offset) {
        List<StoredEvent> events = rows.search(filter, limit, offset);
        trail.record(AuditAction.AUDIT_VIEWED, null, Outcome.SUCCESS);
        return events;
    }

    /** The entries to take away in a file, which needs the reader to have confirmed who they are just now. */
    @Transactional
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'AUDITOR')")
    public List<StoredEvent> export(AuditRows.Filter filter, int limit) {
        stepUp.requireRecentConfirmation();
        List<StoredEvent> events = rows.search(filter, limit, 0);
        trail.record(AuditAction.AUDIT_EXPORTED, null, Outcome.SUCCESS);
        return events;
    }

    /**
     * The tenant's settings changes, newest first: each entry names the setting with its old and
     * new value. Only tenant admins read them; the reading is recorded like any other.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<AuditEntry> settingChanges(int limit) {
        List<AuditEntry> changes = new ArrayList<>();
        for (AuditAction action :
                List.of(AuditAction.SETTING_CHANGED, AuditAction.MEDICATION_ROUND_IDENTIFICATION_CHANGED)) {
            rows.search(new AuditRows.Filter(null, null, action.code(), null, null, null), limit, 0).stream()
                    .map(AuditEntry::of)
                    .forEach(changes::add);
        }
        changes.sort(Comparator.comparing(AuditEntry::occurredAt).reversed());
        trail.record(AuditAction.AUDIT_VIEWED, null, Outcome.SUCCESS);
        return changes.size() > limit ? List.copyOf(changes.subList(0, limit)) : changes;
    }
}

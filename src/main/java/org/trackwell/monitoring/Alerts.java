package org.trackwell.monitoring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.monitoring.internal.MonitoringAlertRows;
import org.trackwell.monitoring.internal.Notifications;
import org.trackwell.shared.Ids;

/**
 * The alert store. {@link #raise} is the one way any check or rule raises an alert: it keeps one
 * per rule, subject and window, records it in the audit trail and sends it on by e-mail and webhook.
 * Readers see their own stream's alerts: a tenant's admins the tenant's, operators the installation's.
 */
@Service
public class Alerts {

    static final int NOTE_LIMIT = 1000;

    private final MonitoringAlertRows rows;
    private final Notifications notifications;
    private final AuditTrail trail;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    Alerts(
            MonitoringAlertRows rows,
            Notifications notifications,
            AuditTrail trail,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.rows = rows;
        this.notifications = notifications;
        this.trail = trail;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Stores and sends the alert; empty when its rule, subject and window already have one. */
    public Optional<Alert> raise(NewAlert alert) {
        return transactions.inTenant(alert.tenant().orElse(AuditTrail.OPERATOR_STREAM), () -> {
            UUID id = ids.next();
            if (!rows.insertUnlessDuplicate(id, alert)) {
                return Optional.<Alert>empty();
            }
            trail.recordAs(Actor.system(), AuditAction.ALERT_RAISED, "alert:" + id, Outcome.SUCCESS);
            Alert stored = rows.byId(id).orElseThrow();
            notifications.send(alert.tenant(), stored);
            return Optional.of(stored);
        });
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public List<Alert> newest(int limit) {
        return rows.newest(limit);
    }

    /** Marks an alert as dealt with, saying how; recorded in the audit trail. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public Alert acknowledge(UUID id, String note, String by) {
        String trimmed = note.strip();
        if (trimmed.isEmpty() || trimmed.length() > NOTE_LIMIT) {
            throw new MonitoringRefused(
                    "Say in a note (up to " + NOTE_LIMIT + " characters) what was done about the alert.");
        }
        rows.byId(id).orElseThrow(AlertNotFound::new);
        if (!rows.acknowledge(id, clock.instant(), by, trimmed)) {
            throw new MonitoringRefused("This alert has already been acknowledged.");
        }
        trail.record(AuditAction.ALERT_ACKNOWLEDGED, "alert:" + id, Outcome.SUCCESS);
        return rows.byId(id).orElseThrow();
    }
}

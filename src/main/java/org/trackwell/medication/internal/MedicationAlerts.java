package org.trackwell.medication.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.Clients;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;

/** What a team's managers must look at: missed doses and stock counts that do not add up. */
@Service
public class MedicationAlerts {

    private final AlertRows rows;
    private final Clients clients;
    private final AuditTrail trail;
    private final Clock clock;

    MedicationAlerts(AlertRows rows, Clients clients, AuditTrail trail, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public List<MedicationAlert> open(SignedInUser user) {
        requireManager(user);
        trail.record(AuditAction.MEDICATION_ALERTS_VIEWED, null, Outcome.SUCCESS);
        return rows.open(user.teams().toArray(UUID[]::new)).stream()
                .flatMap(a -> clients.byId(a.clientId()).stream()
                        .map(c -> new MedicationAlert(a.id(), c.code(), a.kind(), a.message(), a.raisedAt())))
                .toList();
    }

    @Transactional
    public void acknowledge(SignedInUser user, UUID alert) {
        requireManager(user);
        if (!rows.acknowledge(alert, user.teams().toArray(UUID[]::new), user.id(), clock.instant())) {
            throw MedicationRefused.notFound("There is no such open alert for your teams.");
        }
        trail.record(AuditAction.MEDICATION_ALERT_ACKNOWLEDGED, "medication-alert:" + alert, Outcome.SUCCESS);
    }

    private static void requireManager(SignedInUser user) {
        if (!user.has(Role.MANAGER)) {
            throw new AccessDeniedException("managers only");
        }
    }
}

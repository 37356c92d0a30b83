package org.trackwell.clients.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;

/** A manager's figures for their teams, as their home page shows them. */
@Service
public class TeamOverview {

    private final CaseloadRows rows;
    private final AuditTrail trail;

    TeamOverview(CaseloadRows rows, AuditTrail trail) {
        this.rows = rows;
        this.trail = trail;
    }

    /** Listing the unallocated clients is a read of the caseload, and recorded as one. */
    @Transactional
    public TeamFigures of(SignedInUser manager) {
        if (!manager.has(Role.MANAGER)) {
            throw new ClientChangeRefused("Only a manager sees their teams' figures.");
        }
        trail.record(AuditAction.CLIENT_CASELOAD_VIEWED, null, Outcome.SUCCESS);
        return rows.teamFigures(manager.teams().toArray(UUID[]::new));
    }
}

package org.trackwell.clients.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditEntry;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.UserId;

/**
 * What only the managers of a client's team do: allocate the client to practitioners, and see who
 * accessed the record.
 */
@Service
public class ClientOversight {

    private final ClientRows rows;
    private final AllocationRows allocations;
    private final Settings settings;
    private final Accounts accounts;
    private final AuditTrail trail;
    private final Clock clock;

    ClientOversight(
            ClientRows rows,
            AllocationRows allocations,
            Settings settings,
            Accounts accounts,
            AuditTrail trail,
            Clock clock) {
        this.rows = rows;
        this.allocations = allocations;
        this.settings = settings;
        this.accounts = accounts;
        this.trail = trail;
        this.clock = clock;
    }

    /** Managers allocate their teams' clients to practitioners; the change is recorded. */
    @Transactional
    public void allocate(SignedInUser user, ClientRef client, List<UserId> practitioners) {
        requireTeamManager(user, client.teamId());
        List<User> staff = accounts.list();
        for (UserId practitioner : practitioners) {
            boolean isPractitioner = staff.stream()
                    .anyMatch(u -> u.id().equals(practitioner) && u.roles().contains(Role.PRACTITIONER));
            if (!isPractitioner) {
                throw new ClientChangeRefused("Clients can be allocated only to practitioners.");
            }
        }
        Integer cap = settings.current().openCaseCap();
        if (cap != null && rows.hasOpenEpisode(client.id())) {
            for (UserId practitioner : practitioners) {
                if (!allocations.practitioners(client.id()).contains(practitioner)
                        && allocations.openCasesOf(practitioner, client.id()) >= cap) {
                    throw new ClientChangeRefused(
                            "That practitioner already has " + cap + " open cases, the most this service allows.");
                }
            }
        }
        allocations.allocate(CurrentTenant.require(), client.id(), practitioners, clock.instant());
        trail.record(AuditAction.CLIENT_ALLOCATED, client.auditTarget(), Outcome.SUCCESS);
    }

    /**
     * Who accessed the client's record, and what they did: for the managers of the client's team
     * ({@link ReachedClient.Need#ACCESS_LOG}, which records the look).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> accessLog(SignedInUser user, ClientRef client) {
        requireTeamManager(user, client.teamId());
        return trail.about(client.auditTarget(), 500);
    }

    /** Refuses anyone but a manager of the team. */
    public static void requireTeamManager(SignedInUser user, UUID team) {
        if (!user.has(Role.MANAGER) || !user.teams().contains(team)) {
            throw new AccessDeniedException("only the client's team managers");
        }
    }
}

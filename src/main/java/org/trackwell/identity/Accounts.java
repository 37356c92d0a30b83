package org.trackwell.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditContext;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.SessionRows;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.TeamRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/** A tenant's user accounts as its administrators manage them, and the set-up links. */
@Service
public class Accounts {

    private final AccountRows rows;
    private final SetupLinks links;
    private final SessionRows sessions;
    private final SignInRecords records;
    private final TeamRows teams;
    private final Tenants tenants;
    private final Ids ids;
    private final Clock clock;
    private final TenantTransactions transactions;
    private final AuditTrail trail;

    Accounts(
            AccountRows rows,
            SetupLinks links,
            SessionRows sessions,
            TeamRows teams,
            SignInRecords records,
            Tenants tenants,
            Ids ids,
            Clock clock,
            TenantTransactions transactions,
            AuditTrail trail) {
        this.rows = rows;
        this.links = links;
        this.sessions = sessions;
        this.teams = teams;
        this.records = records;
        this.tenants = tenants;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
        this.trail = trail;
    }

    /** Creates a tenant's first administrator (operator command, first start). */
    public SetupLink inviteFirstAdmin(Tenant tenant, String email) {
        return transactions.inTenant(tenant.id(), () -> {
            Invitation invitation = links.invite(tenant, email, "Administrator", Set.of(Role.TENANT_ADMIN));
            trail.record(AuditAction.USER_INVITED, "user:" + invitation.user(), Outcome.SUCCESS);
            return invitation.link();
        });
    }

    /** Invites a user of the current tenant: the link is e-mailed to them and returned once. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Invitation invite(String email, String displayName, Set<Role> roles, Collection<UUID> teamIds) {
        Tenant tenant = currentTenant();
        if (displayName.isBlank() || displayName.length() > 200) {
            throw new AccountChangeRefused("A user needs a name of 1 to 200 characters.");
        }
        if (roles.isEmpty()) {
            throw new AccountChangeRefused("A user needs at least one role.");
        }
        Invitation invitation = links.invite(tenant, email, displayName.strip(), roles);
        teams.setMemberships(tenant.id(), invitation.user(), knownTeams(teamIds));
        trail.record(AuditAction.USER_INVITED, "user:" + invitation.user(), Outcome.SUCCESS);
        if (roles.contains(Role.TENANT_ADMIN)) {
            trail.record(AuditAction.USER_ADMIN_GRANTED, "user:" + invitation.user(), Outcome.SUCCESS);
        }
        return links.mailed(tenant, invitation);
    }

    /**
     * A new set-up link for an invited user whose link expired or was lost: earlier links stop
     * working. Only for a user who has not chosen a password yet.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Invitation reissueInvitation(UserId id) {
        User user = get(id);
        if (user.status() != AccountStatus.INVITED || hasPassword(id)) {
            throw new AccountChangeRefused(
                    "Only a user who has not yet chosen a password gets a new set-up link. A user who"
                            + " forgot their password uses \"Forgot your password?\" on the sign-in page.");
        }
        Tenant tenant = currentTenant();
        Invitation invitation = links.reissue(tenant, user);
        trail.record(AuditAction.USER_INVITATION_REISSUED, "user:" + id, Outcome.SUCCESS);
        return links.mailed(tenant, invitation);
    }

    @Transactional(readOnly = true)
    public boolean setupLinkUsable(String token) {
        return links.usable(token);
    }

    /** Redeems a set-up link: the password must pass every rule, and the link then stops working. */
    @Transactional
    public void completeSetup(String token, String password) {
        links.complete(token, password);
    }

    @Transactional(readOnly = true)
    public List<User> list() {
        return rows.all();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public User get(UserId id) {
        return rows.user(id).orElseThrow(UserNotFound::new);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void disable(UserId id) {
        requireAnotherAdmin(get(id), "disable");
        rows.setStatus(id, AccountStatus.DISABLED);
        sessions.revokeAllOf(id, "", clock.instant());
        trail.record(AuditAction.USER_DISABLED, "user:" + id, Outcome.SUCCESS);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void enable(UserId id) {
        User user = get(id);
        rows.setStatus(
                id,
                user.status() == AccountStatus.DISABLED && !hasPassword(id)
                        ? AccountStatus.INVITED
                        : AccountStatus.ACTIVE);
        rows.enabled(id, clock.instant());
        trail.record(AuditAction.USER_ENABLED, "user:" + id, Outcome.SUCCESS);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void changeRoles(UserId id, Set<Role> roles) {
        User user = get(id);
        if (roles.isEmpty()) {
            throw new AccountChangeRefused("A user needs at least one role.");
        }
        if (!roles.contains(Role.TENANT_ADMIN)) {
            requireAnotherAdmin(user, "remove the admin role from");
        }
        rows.setRoles(CurrentTenant.require(), id, roles);
        sessions.revokeAllOf(id, "", clock.instant());
        trail.record(AuditAction.USER_ROLES_CHANGED, "user:" + id, Outcome.SUCCESS);
        if (roles.contains(Role.TENANT_ADMIN) && !user.roles().contains(Role.TENANT_ADMIN)) {
            // The suspicious-activity rules watch admin grants; the entry names the role, not the person.
            trail.record(AuditAction.USER_ADMIN_GRANTED, "user:" + id, Outcome.SUCCESS);
        }
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void changeTeams(UserId id, Collection<UUID> teamIds) {
        get(id);
        teams.setMemberships(CurrentTenant.require(), id, knownTeams(teamIds));
        trail.record(AuditAction.USER_TEAMS_CHANGED, "user:" + id, Outcome.SUCCESS);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void unlock(UserId id) {
        User user = get(id);
        rows.unlock(id);
        records.record(SignInRecords.Kind.UNLOCKED, AuditContext.actor(), id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<OpenSession> openSessions(UserId id) {
        get(id);
        return sessions.openSessions(id, clock.instant());
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Team createTeam(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new AccountChangeRefused("A team needs a name of 1 to 100 characters.");
        }
        Team team = new Team(ids.next(), trimmed);
        if (!teams.insert(CurrentTenant.require(), team)) {
            throw new AccountChangeRefused("There is already a team called " + trimmed + ".");
        }
        trail.record(AuditAction.TEAM_CREATED, "team:" + team.id(), Outcome.SUCCESS);
        return team;
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.all();
    }

    private List<UUID> knownTeams(Collection<UUID> teamIds) {
        if (Set.copyOf(teamIds).size() != teamIds.size()) {
            throw new AccountDetailsInvalid("Each team can be named only once.");
        }
        List<UUID> known = teams.all().stream().map(Team::id).toList();
        if (!known.containsAll(teamIds)) {
            throw new AccountChangeRefused("One of those teams does not exist.");
        }
        return List.copyOf(teamIds);
    }

    private void requireAnotherAdmin(User user, String action) {
        if (user.roles().contains(Role.TENANT_ADMIN)
                && user.status() == AccountStatus.ACTIVE
                && rows.otherActiveAdmins(user.id()) == 0) {
            throw new AccountChangeRefused("You cannot " + action
                    + " the last active administrator. Make someone else an administrator first.");
        }
    }

    private boolean hasPassword(UserId id) {
        return rows.findById(id).map(account -> account.passwordHash() != null).orElse(false);
    }

    private Tenant currentTenant() {
        return tenants.byId(CurrentTenant.require()).orElseThrow();
    }
}

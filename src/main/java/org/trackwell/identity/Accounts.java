package org.trackwell.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditContext;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.SessionRows;
import org.trackwell.identity.internal.SetupTokenRows;
import org.trackwell.identity.internal.SetupTokenRows.Purpose;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.identity.internal.TeamRows;
import org.trackwell.mail.Delivery;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/** A tenant's user accounts as its administrators manage them, and the set-up links. */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final AccountRows rows;
    private final SetupTokenRows setupTokens;
    private final SessionRows sessions;
    private final TeamRows teams;
    private final SignInRecords records;
    private final PasswordSetter passwords;
    private final Tenants tenants;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final IdentityProperties properties;
    private final TenantTransactions transactions;
    private final Mailer mailer;
    private final AuditTrail trail;

    Accounts(
            AccountRows rows,
            SetupTokenRows setupTokens,
            SessionRows sessions,
            TeamRows teams,
            SignInRecords records,
            PasswordSetter passwords,
            Tenants tenants,
            Tokens tokens,
            Ids ids,
            Clock clock,
            IdentityProperties properties,
            TenantTransactions transactions,
            Mailer mailer,
            AuditTrail trail) {
        this.rows = rows;
        this.setupTokens = setupTokens;
        this.sessions = sessions;
        this.teams = teams;
        this.records = records;
        this.passwords = passwords;
        this.tenants = tenants;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
        this.transactions = transactions;
        this.mailer = mailer;
        this.trail = trail;
    }

    /** Creates a tenant's first administrator (operator command, first start). */
    public SetupLink inviteFirstAdmin(Tenant tenant, String email) {
        return transactions.inTenant(tenant.id(), () -> {
            Invitation invitation = create(tenant, email, "Administrator", Set.of(Role.TENANT_ADMIN));
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
        Invitation invitation = create(tenant, email, displayName.strip(), roles);
        teams.setMemberships(tenant.id(), invitation.user(), knownTeams(teamIds));
        trail.record(AuditAction.USER_INVITED, "user:" + invitation.user(), Outcome.SUCCESS);
        if (roles.contains(Role.TENANT_ADMIN)) {
            trail.record(AuditAction.USER_ADMIN_GRANTED, "user:" + invitation.user(), Outcome.SUCCESS);
        }
        return mailed(tenant, invitation);
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
        Instant now = clock.instant();
        setupTokens.expireUnused(id, Purpose.SETUP, now);
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.setupLinkValidity());
        setupTokens.insert(CurrentTenant.require(), Tokens.hash(token), id, Purpose.SETUP, now, expiresAt);
        String url = tenants.baseUrl(tenant) + "/account/setup?token=" + token;
        Invitation invitation = new Invitation(id, new SetupLink(user.email(), url, expiresAt), Delivery.notSent());
        trail.record(AuditAction.USER_INVITATION_REISSUED, "user:" + id, Outcome.SUCCESS);
        return mailed(tenant, invitation);
    }

    private Invitation mailed(Tenant tenant, Invitation invitation) {
        Delivery delivery = mailer.send(
                invitation.link().email(),
                "Your Trackwell account at " + tenant.displayName(),
                "You have been invited to Trackwell at " + tenant.displayName() + ".\n\n"
                        + "Choose your password here (the link works once, until "
                        + invitation.link().expiresAt()
                        + "):\n" + invitation.link().url() + "\n");
        return new Invitation(invitation.user(), invitation.link(), delivery);
    }

    @Transactional(readOnly = true)
    public boolean setupLinkUsable(String token) {
        return setupTokens
                .holder(Tokens.hash(token), Purpose.SETUP, clock.instant())
                .isPresent();
    }

    /** Redeems a set-up link: the password must pass every rule, and the link then stops working. */
    @Transactional
    public void completeSetup(String token, String password) {
        Instant now = clock.instant();
        UserId user = setupTokens.redeem(Tokens.hash(token), Purpose.SETUP, now).orElseThrow(LinkNotValid::new);
        StoredAccount account = rows.findById(user).orElseThrow(LinkNotValid::new);
        if (account.status() == AccountStatus.DISABLED) {
            throw new LinkNotValid();
        }
        passwords.set(account, password);
        records.record(SignInRecords.Kind.PASSWORD_SET, Realm.actor(user), user);
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
        if (teams.nameTaken(trimmed)) {
            throw new AccountChangeRefused("There is already a team called " + trimmed + ".");
        }
        Team team = new Team(ids.next(), trimmed);
        teams.insert(CurrentTenant.require(), team);
        trail.record(AuditAction.TEAM_CREATED, "team:" + team.id(), Outcome.SUCCESS);
        return team;
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.all();
    }

    private Invitation create(Tenant tenant, String email, String displayName, Set<Role> roles) {
        NewAccount account = open(email, displayName, roles);
        String url = tenants.baseUrl(tenant) + "/account/setup?token=" + account.setupToken();
        return new Invitation(
                account.id(), new SetupLink(account.email(), url, account.expiresAt()), Delivery.notSent());
    }

    /** An invited account of the current realm and its one-time set-up token (a secret). */
    record NewAccount(UserId id, String email, String setupToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "NewAccount[id=" + id + ", setupToken=***]";
        }
    }

    /** Opens an invited account in the current realm (a tenant's, or the installation's for an operator). */
    NewAccount open(String email, String displayName, Set<Role> roles) {
        TenantId realm = CurrentTenant.require();
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalisedEmail).matches()) {
            throw new AccountDetailsInvalid("That is not an e-mail address.");
        }
        if (rows.emailTaken(normalisedEmail)) {
            throw new AccountChangeRefused("There is already " + (Realm.installation() ? "an operator" : "a user")
                    + " with that e-mail address.");
        }
        UserId user = new UserId(ids.next());
        Instant now = clock.instant();
        rows.insertInvited(realm, user, normalisedEmail, displayName, now);
        roles.forEach(role -> rows.addRole(realm, user, role));
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.setupLinkValidity());
        setupTokens.insert(realm, Tokens.hash(token), user, Purpose.SETUP, now, expiresAt);
        return new NewAccount(user, normalisedEmail, token, expiresAt);
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

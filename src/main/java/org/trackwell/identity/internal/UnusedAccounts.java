package org.trackwell.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.AccountStatus;
import org.trackwell.identity.Policies;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecurityPolicy;
import org.trackwell.identity.User;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Once a day, disables the accounts nobody has used for as many days as the tenant's security
 * policy allows, never the last active tenant admin, and tells the tenant admins by e-mail. A
 * disabled account keeps everything its holder wrote, and an admin can enable it again.
 */
@Component
public class UnusedAccounts {

    private final ClusterJobs jobs;
    private final Duration interval;
    private final Tenants tenants;
    private final TenantTransactions transactions;
    private final Policies policies;
    private final AccountRows accounts;
    private final SessionRows sessions;
    private final AuditTrail trail;
    private final Mailer mailer;
    private final Clock clock;

    UnusedAccounts(
            Tenants tenants,
            TenantTransactions transactions,
            Policies policies,
            AccountRows accounts,
            SessionRows sessions,
            AuditTrail trail,
            Mailer mailer,
            Clock clock,
            ClusterJobs jobs,
            @Value("${trackwell.identity.unused-accounts-interval:24h}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.tenants = tenants;
        this.transactions = transactions;
        this.policies = policies;
        this.accounts = accounts;
        this.sessions = sessions;
        this.trail = trail;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${trackwell.identity.unused-accounts-interval:24h}",
            initialDelayString = "${trackwell.identity.unused-accounts-interval:24h}")
    void onSchedule() {
        jobs.runOnce("unused-accounts", interval, this::daily);
    }

    void daily() {
        for (Tenant tenant : tenants.list()) {
            if (tenant.active()) {
                transactions.inTenant(tenant.id(), this::disableUnused);
            }
        }
    }

    /** Disables the current tenant's unused accounts; returns them. */
    @Transactional
    public List<User> disableUnused() {
        SecurityPolicy policy = policies.current();
        if (!policy.disablesUnusedAccounts()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<User> disabled = new ArrayList<>();
        for (UserId id : accounts.unusedSince(now.minus(Duration.ofDays(policy.disableUnusedAfterDays())))) {
            User user = accounts.user(id).orElseThrow();
            if (user.roles().contains(Role.TENANT_ADMIN) && accounts.otherActiveAdmins(id) == 0) {
                continue;
            }
            accounts.setStatus(id, AccountStatus.DISABLED);
            sessions.revokeAllOf(id, "", now);
            trail.recordAs(Actor.system(), AuditAction.USER_DISABLED_UNUSED, "user:" + id, Outcome.SUCCESS);
            disabled.add(user);
        }
        if (!disabled.isEmpty()) {
            tellAdmins(disabled, policy.disableUnusedAfterDays());
        }
        return disabled;
    }

    private void tellAdmins(List<User> disabled, int days) {
        String names = disabled.stream()
                .map(user -> "- " + user.displayName() + " (" + user.email() + ")")
                .collect(Collectors.joining("\n"));
        String text = "Trackwell disabled these accounts, which nobody had used for " + days + " days:\n\n" + names
                + "\n\nEverything they wrote stays, with their name. If someone still needs their account, enable"
                + " it again on the Users page. The number of days is on Settings, Security policy.\n";
        accounts.all().stream()
                .filter(user -> user.status() == AccountStatus.ACTIVE)
                .filter(user -> user.roles().contains(Role.TENANT_ADMIN))
                .forEach(admin -> mailer.send(
                        admin.email(), "Trackwell: " + disabled.size() + " unused accounts disabled", text));
    }
}

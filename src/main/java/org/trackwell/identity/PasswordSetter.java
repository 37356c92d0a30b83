package org.trackwell.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.PasswordHistoryRows;
import org.trackwell.identity.internal.PasswordRules;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.tenancy.Tenants;

/** Checks a new password against every rule and, if it passes, stores it and its history. */
@Component
class PasswordSetter {

    private final PasswordRules rules;
    private final PasswordHasher hasher;
    private final AccountRows accounts;
    private final PasswordHistoryRows history;
    private final Policies policies;
    private final Tenants tenants;
    private final Clock clock;

    PasswordSetter(
            PasswordRules rules,
            PasswordHasher hasher,
            AccountRows accounts,
            PasswordHistoryRows history,
            Policies policies,
            Tenants tenants,
            Clock clock) {
        this.rules = rules;
        this.hasher = hasher;
        this.accounts = accounts;
        this.history = history;
        this.policies = policies;
        this.tenants = tenants;
        this.clock = clock;
    }

    List<String> failures(StoredAccount account, String password) {
        SecurityPolicy policy = policies.current();
        String realmName = Realm.installation()
                ? "Trackwell"
                : tenants.byId(CurrentTenant.require())
                        .map(tenant -> tenant.displayName())
                        .orElse("");
        List<String> failures = new ArrayList<>(rules.failures(
                password, new PasswordRules.Context(account.email(), account.displayName(), realmName), policy));
        if (failures.isEmpty() && reused(account, password, policy.passwordHistory())) {
            failures.add(
                    "Choose a password you have not used for your last " + policy.passwordHistory() + " passwords.");
        }
        return failures;
    }

    void set(StoredAccount account, String password) {
        List<String> failures = failures(account, password);
        if (!failures.isEmpty()) {
            throw new PasswordRejected(failures);
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        accounts.setPassword(account.id(), hash, now);
        history.add(CurrentTenant.require(), account.id(), hash, now);
    }

    private boolean reused(StoredAccount account, String password, int remembered) {
        if (remembered == 0) {
            return false;
        }
        return history.latest(account.id(), remembered).stream().anyMatch(old -> hasher.matches(password, old));
    }
}

package org.trackwell.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.PolicyRows;
import org.trackwell.shared.CurrentTenant;

/** The current tenant's security policy. */
@Service
public class Policies {

    private final PolicyRows rows;
    private final IdentityProperties properties;

    private final AuditTrail trail;

    Policies(PolicyRows rows, IdentityProperties properties, AuditTrail trail) {
        this.rows = rows;
        this.trail = trail;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public SecurityPolicy current() {
        return rows.find().orElseGet(SecurityPolicy::defaults);
    }

    @Transactional
    public SecurityPolicy change(SecurityPolicy policy) {
        List<String> problems = new ArrayList<>();
        // A lower minimum needs a second factor for the roles it applies to; until two-factor
        // sign-in exists, every password is the only factor.
        if (policy.minPasswordLength() < 15 || policy.minPasswordLength() > 64) {
            problems.add("The minimum password length must be between 15 and 64.");
        }
        if (policy.passwordHistory() < 0 || policy.passwordHistory() > 24) {
            problems.add("Password history must be between 0 and 24.");
        }
        if (policy.lockoutThreshold() < 3 || policy.lockoutThreshold() > 20) {
            problems.add("Lock after between 3 and 20 failed attempts.");
        }
        if (policy.lockoutMinutes() < 1 || policy.maxLockoutMinutes() < policy.lockoutMinutes()) {
            problems.add("A lock lasts at least a minute, and the longest lock no less than the first.");
        }
        long maxIdle = properties.maxIdleTimeout().toSeconds();
        if (policy.idleTimeoutSeconds() < 60 || policy.idleTimeoutSeconds() > maxIdle) {
            problems.add("The idle timeout must be between 1 and " + maxIdle / 60 + " minutes.");
        }
        if (!problems.isEmpty()) {
            throw new AccountChangeRefused(String.join(" ", problems));
        }
        rows.save(CurrentTenant.require(), policy);
        trail.record("security-policy.changed", null, Outcome.SUCCESS);
        return policy;
    }
}

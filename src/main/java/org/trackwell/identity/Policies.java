package org.trackwell.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.PolicyRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.StepUp;

/** The current tenant's security policy. */
@Service
public class Policies {

    private final PolicyRows rows;
    private final IdentityProperties properties;

    private final AuditTrail trail;

    private final StepUp stepUp;

    Policies(PolicyRows rows, IdentityProperties properties, AuditTrail trail, StepUp stepUp) {
        this.stepUp = stepUp;
        this.rows = rows;
        this.trail = trail;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public SecurityPolicy current() {
        return rows.find()
                .orElseGet(
                        () -> SecurityPolicy.defaults().withSecondFactorRoles(properties.defaultSecondFactorRoles()));
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public SecurityPolicy change(SecurityPolicy policy) {
        stepUp.requireRecentConfirmation();
        check(policy);
        SecurityPolicy before = current();
        rows.save(CurrentTenant.require(), policy);
        trail.record(AuditAction.SECURITY_POLICY_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges("security-policy", before.asSettings(), policy.asSettings());
        return policy;
    }

    /** Refuses a policy outside the bounds, saying every problem at once; changes nothing. */
    public void check(SecurityPolicy policy) {
        List<String> problems = new ArrayList<>();
        // NIST SP 800-63B-4: 15 characters for a password that is the only factor, 8 when a
        // second factor is always required too.
        int lowest = policy.secondFactorForEveryone() ? SecurityPolicy.LOWEST_MIN_PASSWORD_LENGTH : 15;
        if (policy.minPasswordLength() < lowest || policy.minPasswordLength() > 64) {
            problems.add("The minimum password length must be between " + lowest
                    + " and 64 (8 is allowed only when every role must use a second factor).");
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
        int unused = policy.disableUnusedAfterDays();
        if (unused != 0 && (unused < 30 || unused > 3650)) {
            problems.add("Disable unused accounts after between 30 and 3650 days, or 0 for never.");
        }
        if (!problems.isEmpty()) {
            throw new AccountDetailsInvalid(String.join(" ", problems));
        }
    }
}

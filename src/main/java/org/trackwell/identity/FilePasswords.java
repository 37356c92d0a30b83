package org.trackwell.identity;

import java.util.List;
import org.springframework.stereotype.Component;
import org.trackwell.identity.internal.PasswordRules;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.tenancy.Tenants;

/**
 * Whether a password that protects a downloaded file is strong enough: the tenant's rules for
 * account passwords (its minimum length and composition, not a common password, not the user's
 * name, e-mail or the service's name, and zxcvbn's strength estimate), without the history.
 */
@Component
public class FilePasswords {

    private final PasswordRules rules;
    private final Policies policies;
    private final Tenants tenants;

    FilePasswords(PasswordRules rules, Policies policies, Tenants tenants) {
        this.rules = rules;
        this.policies = policies;
        this.tenants = tenants;
    }

    /** What is wrong with the password, each in a sentence; none when it may be used. */
    public List<String> weaknesses(SignedInUser user, String password) {
        String service = tenants.byId(CurrentTenant.require())
                .map(tenant -> tenant.displayName())
                .orElse("");
        return rules.failures(
                password, new PasswordRules.Context(user.email(), user.displayName(), service), policies.current());
    }
}

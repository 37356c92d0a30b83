package org.trackwell.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trackwell.identity.AccountStatus;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecondFactorStatus;
import org.trackwell.identity.SecondFactors;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.TenantTerms;
import org.trackwell.identity.User;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/** A tenant admin's home: what is left to set up so the service is safe to run. */
@Component
class SetupTasksHome implements HomePart {

    /** Something to do, in words, and the page where it is done. */
    record SetupTask(String what, String where) {}

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final TenantTerms terms;

    SetupTasksHome(Accounts accounts, SecondFactors secondFactors, TenantTerms terms) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.terms = terms;
    }

    @Override
    public Optional<HomeSection> of(SignedInUser user) {
        if (!user.has(Role.TENANT_ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(new HomeSection(HomeSection.TENANT_ADMIN, "Set-up tasks", "home", "setup", tasks()));
    }

    private List<SetupTask> tasks() {
        List<User> active = accounts.list().stream()
                .filter(u -> u.status() == AccountStatus.ACTIVE)
                .toList();
        List<SetupTask> tasks = new ArrayList<>();
        if (active.stream().filter(u -> u.roles().contains(Role.TENANT_ADMIN)).count() < 2) {
            tasks.add(new SetupTask(
                    "Give a second person the administrator role, so that the service is not locked out if you are away.",
                    "/admin/users"));
        }
        if (terms.current().isEmpty()) {
            tasks.add(new SetupTask(
                    "Write your service's terms of use: people are shown Trackwell's default terms until you do.",
                    "/admin/settings/terms"));
        }
        long withoutSecondFactor = active.stream()
                .filter(u -> !hasSecondFactor(secondFactors.status(u.id())))
                .count();
        if (withoutSecondFactor > 0) {
            tasks.add(new SetupTask(
                    withoutSecondFactor + (withoutSecondFactor == 1 ? " person has" : " people have")
                            + " no second factor for signing in. Require one in the security policy, or ask them to set one up.",
                    "/admin/settings/security-policy"));
        }
        return tasks;
    }

    private static boolean hasSecondFactor(SecondFactorStatus status) {
        return status.authenticatorApp() || status.passkeys() > 0;
    }
}

package org.trackwell.outcomes.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.User;

/** Who recorded what, by name, for the outcomes pages. */
@Component
class PractitionerNames {

    private final Accounts accounts;

    PractitionerNames(Accounts accounts) {
        this.accounts = accounts;
    }

    Map<org.trackwell.shared.UserId, String> byId() {
        return accounts.list().stream().collect(Collectors.toMap(User::id, User::displayName));
    }
}

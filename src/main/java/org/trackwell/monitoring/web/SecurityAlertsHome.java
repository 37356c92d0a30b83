package org.trackwell.monitoring.web;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.monitoring.Alerts;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/** A tenant admin's home: the security alerts nobody has dealt with yet. */
@Component
class SecurityAlertsHome implements HomePart {

    private static final int LOOKED_AT = 50;

    private final Alerts alerts;

    SecurityAlertsHome(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Optional<HomeSection> of(SignedInUser user) {
        if (!user.has(Role.TENANT_ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(new HomeSection(
                HomeSection.TENANT_ADMIN + 10,
                "Security alerts",
                "monitoring/home",
                "alerts",
                alerts.newest(LOOKED_AT).stream().filter(a -> !a.acknowledged()).toList()));
    }
}

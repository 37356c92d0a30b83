package org.trackwell.medication.web;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.MedicationAlerts;
import org.trackwell.web.HomePart;
import org.trackwell.web.HomeSection;

/** A manager's home: the open medication alerts of their teams (missed doses, stock that does not add up). */
@Component
class MedicationAlertsHome implements HomePart {

    private final MedicationAlerts alerts;

    MedicationAlertsHome(MedicationAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Optional<HomeSection> of(SignedInUser user) {
        if (!user.has(Role.MANAGER)) {
            return Optional.empty();
        }
        return Optional.of(new HomeSection(
                HomeSection.MANAGER,
                "Open alerts: missed doses and stock",
                "medication/home",
                "alerts",
                alerts.open(user)));
    }
}

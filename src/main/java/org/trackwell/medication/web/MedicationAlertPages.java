package org.trackwell.medication.web;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.MedicationAlerts;
import org.trackwell.shared.FormOutcome;

/** The managers' medication alerts. */
@Controller
class MedicationAlertPages {

    private final MedicationAlerts alerts;

    MedicationAlertPages(MedicationAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/medication/alerts")
    String alertsPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("alerts", alerts.open(user));
        return "medication/alerts";
    }

    @PostMapping("/medication/alerts/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            alerts.acknowledge(user, id);
            return "Alert marked as dealt with.";
        });
        return "redirect:/medication/alerts";
    }
}

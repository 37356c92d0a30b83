package org.trackwell.monitoring.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.SignedInOperator;
import org.trackwell.monitoring.Alerts;
import org.trackwell.monitoring.IntegrityChecks;
import org.trackwell.shared.FormOutcome;

/**
 * The operators' page of the installation's alerts and the integrity checks' latest findings, on
 * the operator's host. It holds the installation's stream only: no tenant's alerts, no client data.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class OperatorAlertPages {

    private static final int SHOWN = 100;

    private final Alerts alerts;
    private final IntegrityChecks checks;

    OperatorAlertPages(Alerts alerts, IntegrityChecks checks) {
        this.alerts = alerts;
        this.checks = checks;
    }

    @GetMapping("/operator/alerts")
    String alerts(Model model) {
        model.addAttribute("alerts", alerts.newest(SHOWN));
        model.addAttribute("checks", checks.latest());
        return "monitoring/operator-alerts";
    }

    /** The API's rules: a note of what was done, once per alert. */
    @PostMapping("/operator/alerts/acknowledge")
    String acknowledge(
            @AuthenticationPrincipal SignedInOperator operator,
            @RequestParam(required = false) @Nullable UUID alert,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            alerts.acknowledge(alert == null ? new UUID(0, 0) : alert, note, "operator:" + operator.id());
            return "Alert acknowledged.";
        });
        return "redirect:/operator/alerts";
    }
}

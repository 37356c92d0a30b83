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
import org.trackwell.identity.SignedInUser;
import org.trackwell.monitoring.Alerts;
import org.trackwell.monitoring.NewWebhook;
import org.trackwell.monitoring.Webhooks;
import org.trackwell.shared.FormOutcome;

/** The tenant admins' alerts page, and the page of the tenant's webhooks with their delivery log. */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class AlertPages {

    private static final int SHOWN = 100;

    private final Alerts alerts;
    private final Webhooks webhooks;

    AlertPages(Alerts alerts, Webhooks webhooks) {
        this.alerts = alerts;
        this.webhooks = webhooks;
    }

    @GetMapping("/admin/alerts")
    String alerts(Model model) {
        model.addAttribute("alerts", alerts.newest(SHOWN));
        return "monitoring/alerts";
    }

    @PostMapping("/admin/alerts/acknowledge")
    String acknowledge(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID alert,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            alerts.acknowledge(
                    alert == null ? new UUID(0, 0) : alert,
                    note,
                    "user:" + user.id().value());
            return "Alert acknowledged.";
        });
        return "redirect:/admin/alerts";
    }

    @GetMapping("/admin/webhooks")
    String webhooks(Model model) {
        model.addAttribute("webhooks", webhooks.list());
        model.addAttribute("deliveries", webhooks.deliveries(SHOWN));
        return "monitoring/webhooks";
    }

    @PostMapping("/admin/webhooks")
    String add(@RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            NewWebhook added = webhooks.add(url);
            redirect.addFlashAttribute("added", added);
            return "Webhook added. Copy its secret now: it is not shown again.";
        });
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/remove")
    String remove(@RequestParam(required = false) @Nullable UUID webhook, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            webhooks.remove(webhook == null ? new UUID(0, 0) : webhook);
            return "Webhook removed.";
        });
        return "redirect:/admin/webhooks";
    }
}

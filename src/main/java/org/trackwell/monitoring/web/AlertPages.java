package org.trackwell.monitoring.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.trackwell.monitoring.WebhookEvent;
import org.trackwell.monitoring.Webhooks;
import org.trackwell.shared.FormOutcome;

/**
 * The tenant admins' alerts page, and the page of the tenant's webhooks, the kinds of event each
 * receives, and their delivery log.
 */
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
        model.addAttribute("kinds", WebhookEvent.values());
        return "monitoring/webhooks";
    }

    @PostMapping("/admin/webhooks")
    String add(
            @RequestParam(defaultValue = "") String url,
            @RequestParam(name = "event", defaultValue = "") List<String> events,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, Map.of("url", url), () -> {
            NewWebhook added = webhooks.add(url, chosen(events));
            redirect.addFlashAttribute("added", added);
            return "Webhook added. Copy its secret now: it is not shown again.";
        });
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/events")
    String changeEvents(
            @RequestParam(required = false) @Nullable UUID webhook,
            @RequestParam(name = "event", defaultValue = "") List<String> events,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            webhooks.changeEvents(webhook == null ? new UUID(0, 0) : webhook, chosen(events));
            return "The webhook's events were changed.";
        });
        return "redirect:/admin/webhooks";
    }

    /** The kinds of event ticked; anything else sent is not one, and is left out. */
    private static Set<WebhookEvent> chosen(List<String> events) {
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        events.stream().map(WebhookEvent::ofType).flatMap(Optional::stream).forEach(chosen::add);
        return chosen;
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

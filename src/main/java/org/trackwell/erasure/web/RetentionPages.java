package org.trackwell.erasure.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.erasure.internal.Retention;
import org.trackwell.erasure.internal.RetentionSettings;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.FormOutcome;

/**
 * The retention pages: the clients due for erasure, each with a way to ask for its erasure or to
 * keep it longer with a reason; and the settings page under Settings.
 */
@Controller
class RetentionPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Retention retention;

    RetentionPages(Retention retention) {
        this.retention = retention;
    }

    record Line(String client, String kind, String lastContact, String dueOn) {}

    @GetMapping("/admin/retention")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String due(Model model) {
        List<Line> lines = retention.due().stream()
                .map(due -> new Line(
                        due.client().code().toString(),
                        due.child() ? "Child's record" : "Adult record",
                        DAY.format(due.lastContact()),
                        DAY.format(due.dueOn())))
                .toList();
        model.addAttribute("due", lines);
        model.addAttribute("settings", retention.settings());
        return "erasure/retention";
    }

    @PostMapping("/admin/retention/extensions")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String extend(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String client,
            @RequestParam(defaultValue = "") String until,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, Map.of("client", client, "until", until, "reason", reason), () -> {
            LocalDate keepUntil = LocalDate.parse(until.strip());
            retention.extend(user, client, keepUntil, reason, acknowledgeIdentifying);
            return "Client " + client.strip() + "'s record is kept until " + DAY.format(keepUntil) + ".";
        });
        return "redirect:/admin/retention";
    }

    @GetMapping("/admin/settings/retention")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String settings(Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        RetentionSettings current = retention.settings();
        model.addAttribute(
                "adultYears", typed == null ? String.valueOf(current.adultYears()) : typed.get("adultYears"));
        model.addAttribute(
                "childUntilAge", typed == null ? String.valueOf(current.childUntilAge()) : typed.get("childUntilAge"));
        model.addAttribute("automatic", typed == null ? current.automatic() : "true".equals(typed.get("automatic")));
        model.addAttribute("defaults", RetentionSettings.defaults());
        return "erasure/retention-settings";
    }

    @PostMapping("/admin/settings/retention")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String change(
            @RequestParam(defaultValue = "") String adultYears,
            @RequestParam(defaultValue = "") String childUntilAge,
            @RequestParam(defaultValue = "false") boolean automatic,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of(
                "adultYears", adultYears, "childUntilAge", childUntilAge, "automatic", String.valueOf(automatic));
        FormOutcome.flash(redirect, typed, () -> {
            retention.change(new RetentionSettings(
                    Integer.parseInt(adultYears.strip()), Integer.parseInt(childUntilAge.strip()), automatic));
            return "Saved. Tomorrow's list of clients due for erasure follows these settings.";
        });
        return "redirect:/admin/settings/retention";
    }
}

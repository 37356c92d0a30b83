package org.trackwell.erasure.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.erasure.internal.ClosureRefused;
import org.trackwell.erasure.internal.ClosureRequest;
import org.trackwell.erasure.internal.ClosureRequests;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.Confirmation;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.ServiceTimeZone;

/**
 * Administration, Close this service: the whole archive first, then the request with a reason,
 * confirmed after saying what closing does; then what the request says and when the service closes.
 */
@Controller
@RequestMapping("/admin/close")
class ClosurePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ClosureRequests requests;
    private final ServiceTimeZone zone;

    ClosurePages(ClosureRequests requests, ServiceTimeZone zone) {
        this.requests = requests;
        this.zone = zone;
    }

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        model.addAttribute("reason", typed == null ? "" : typed.getOrDefault("reason", ""));
        model.addAttribute("request", requests.current().orElse(null));
        model.addAttribute("lastArchive", requests.lastArchive().orElse(null));
        model.addAttribute("noticeDays", requests.notice().toDays());
        return "erasure/close";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String request(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest http,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            try {
                requests.check(reason);
            } catch (ClosureRefused refused) {
                redirect.addFlashAttribute("error", refused.getMessage());
                redirect.addFlashAttribute("typed", Map.of("reason", reason));
                return "redirect:/admin/close";
            }
            return new Confirmation(
                            "Close this service?",
                            "The service becomes read-only at once for everyone: people can still sign in, read and"
                                    + " download the archive, but nobody can change anything. After "
                                    + requests.notice().toDays() + " days Trackwell's operator closes it: every"
                                    + " record, account and setting, and the service's own audit trail, are destroyed"
                                    + " for good and no backup brings them back. Only the archive you downloaded"
                                    + " keeps them.",
                            "Close this service",
                            "/admin/close")
                    .ask(http, model);
        }
        FormOutcome.flash(redirect, Map.of("reason", reason), () -> {
            ClosureRequest asked = requests.request(user, reason);
            return "Closing the service has been asked for. It is read-only from now on, and closes on or after "
                    + DAY.format(asked.closeAfter().atZone(zone.zone())) + ".";
        });
        return "redirect:/admin/close";
    }

    @PostMapping("/withdraw")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String withdraw(RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            requests.withdraw();
            return "The request to close the service has been withdrawn. The service is open and can be changed"
                    + " again.";
        });
        return "redirect:/admin/close";
    }
}

package org.trackwell.erasure.web;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.erasure.internal.ErasureRequests;
import org.trackwell.shared.FormOutcome;

/** The tenant admin's page for the grace period between an erasure's approval and its carrying out. */
@Controller
@RequestMapping("/admin/settings/erasure")
class ErasureSettingsPages {

    private final ErasureRequests requests;

    ErasureSettingsPages(ErasureRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        model.addAttribute("graceDays", typed == null ? String.valueOf(requests.graceDays()) : typed.get("graceDays"));
        model.addAttribute("defaultGraceDays", ErasureRequests.DEFAULT_GRACE_DAYS);
        return "erasure/settings";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String change(@RequestParam(defaultValue = "") String graceDays, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, Map.of("graceDays", graceDays), () -> {
            requests.changeGraceDays(Integer.parseInt(graceDays.strip()));
            return "Saved. Erasures approved from now on wait " + graceDays.strip()
                    + " days before they are carried out.";
        });
        return "redirect:/admin/settings/erasure";
    }
}

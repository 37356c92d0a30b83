package org.trackwell.identity.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.AccountChangeRefused;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.TenantTerms;
import org.trackwell.identity.TenantTermsVersion;

/** The tenant admin's page for the service's own terms of use: read, publish a new version, the versions. */
@Controller
@RequestMapping("/admin/settings/terms")
class TermsSettingsPages {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private final TenantTerms terms;

    TermsSettingsPages(TenantTerms terms) {
        this.terms = terms;
    }

    record VersionRow(int version, String published, String by, boolean current) {}

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        List<TenantTermsVersion> versions = terms.versions();
        model.addAttribute("current", versions.isEmpty() ? null : versions.get(0));
        model.addAttribute(
                "versions",
                versions.stream()
                        .map(v -> new VersionRow(
                                v.version(),
                                v.publishedAt() == null ? "from the start" : WHEN.format(v.publishedAt()),
                                v.trackwellDefault() ? "Trackwell's default terms" : String.valueOf(v.publishedBy()),
                                v == versions.get(0)))
                        .toList());
        model.addAttribute("maxLength", TenantTerms.MAX_LENGTH);
        return "identity/terms-settings";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String publish(
            @AuthenticationPrincipal SignedInUser admin,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        try {
            TenantTermsVersion published = terms.publish(admin, text);
            redirect.addFlashAttribute(
                    "done",
                    "Version " + published.version() + " is published. Every other user reads and accepts it"
                            + " before they go on; you have accepted it by publishing it.");
        } catch (AccountChangeRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + " Nothing was changed.");
            redirect.addFlashAttribute("typed", text);
        }
        return "redirect:/admin/settings/terms";
    }
}

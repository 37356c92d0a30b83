package org.trackwell.portability.web;

import jakarta.servlet.http.HttpServletResponse;
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
import org.trackwell.portability.internal.SubjectAccessRefused;
import org.trackwell.portability.internal.SubjectAccessRequests;

/** The admin's subject access page: everything held about one client, named by code, as an encrypted archive. */
@Controller
class SubjectAccessPages {

    private final SubjectAccessRequests requests;

    SubjectAccessPages(SubjectAccessRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/admin/subject-access")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(@RequestParam(defaultValue = "") String client, Model model) {
        if (!model.containsAttribute("client")) {
            model.addAttribute("client", client);
        }
        return "portability/subject-access";
    }

    /** Null once the archive has been written to the response; else back to the page, the code kept. */
    @PostMapping("/admin/subject-access")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Nullable
    String produce(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String client,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeated,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("client", client);
        if (!password.equals(repeated)) {
            redirect.addFlashAttribute("error", "The two passwords are not the same. Type the same password twice.");
            return "redirect:/admin/subject-access";
        }
        try {
            requests.produce(
                    user, client, password, () -> TenantArchivePages.body(response, SubjectAccessApi.fileName(client)));
            return null;
        } catch (SubjectAccessRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/admin/subject-access";
        }
    }
}

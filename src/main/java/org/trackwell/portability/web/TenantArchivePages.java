package org.trackwell.portability.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.SignedInUser;
import org.trackwell.portability.internal.ArchiveDownloads;
import org.trackwell.portability.internal.ArchiveRefused;

/** The admin's export page: every client as FHIR, and the whole service as an encrypted archive. */
@Controller
class TenantArchivePages {

    static final String ARCHIVE_TYPE = "application/pgp-encrypted";

    private final ArchiveDownloads downloads;

    TenantArchivePages(ArchiveDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/admin/export")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page() {
        return "portability/export";
    }

    /** Null once the archive has been written to the response; else back to the page. */
    @PostMapping("/admin/export/archive")
    @Nullable
    String archive(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeated,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!password.equals(repeated)) {
            redirect.addFlashAttribute("error", "The two passwords are not the same. Type the same password twice.");
            return "redirect:/admin/export";
        }
        try {
            downloads.download(user, password, () -> body(response, downloads.fileName()));
            return null;
        } catch (ArchiveRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/admin/export";
        }
    }

    /** Starts the response as the archive's download. */
    static OutputStream body(HttpServletResponse response, String file) {
        response.setContentType(ARCHIVE_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.trackwell.mail.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.mail.Outbox;
import org.trackwell.shared.FormOutcome;

/** The tenant admins' page of e-mail the mail server has not taken yet: tried again, or given up. */
@Controller
@PreAuthorize("hasRole('TENANT_ADMIN')")
class MailPages {

    private static final int SHOWN = 100;

    private final Outbox outbox;

    MailPages(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mail")
    String waiting(Model model) {
        model.addAttribute("messages", outbox.waiting(SHOWN));
        return "mail/undelivered";
    }

    @PostMapping("/admin/mail/try-again")
    String tryAgain(@RequestParam(required = false) @Nullable UUID message, RedirectAttributes redirect) {
        FormOutcome.flash(
                redirect,
                () -> outbox.tryAgain(orNone(message))
                        ? "The e-mail was sent."
                        : "The mail server still did not take the e-mail. It will be tried again later.");
        return "redirect:/admin/mail";
    }

    @PostMapping("/admin/mail/discard")
    String discard(@RequestParam(required = false) @Nullable UUID message, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            outbox.discard(orNone(message));
            return "The e-mail was discarded. It will not be sent.";
        });
        return "redirect:/admin/mail";
    }

    private static UUID orNone(@Nullable UUID message) {
        return message == null ? new UUID(0, 0) : message;
    }
}

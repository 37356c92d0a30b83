package org.trackwell.clients.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientChangeRefused;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClientFlags;
import org.trackwell.clients.internal.ClientHistory;
import org.trackwell.clients.internal.ClientNote;
import org.trackwell.clients.internal.Consent;
import org.trackwell.identity.SignedInUser;

/** The forms on the client's page that add to its history: notes, risk, consents; and clearing a flag. */
@Controller
@RequestMapping("/clients/{code}")
class ClientHistoryPages {

    private final ClientHistory history;
    private final ClientFlags flags;
    private final Clock clock;

    ClientHistoryPages(ClientHistory history, ClientFlags flags, Clock clock) {
        this.history = history;
        this.flags = flags;
        this.clock = clock;
    }

    @PostMapping("/notes")
    String writeNote(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable UUID episodeId,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        try {
            history.writeNote(user, client, episodeId, ClientNote.Kind.CASE, text, acknowledgeIdentifying);
            redirect.addFlashAttribute("done", "Note saved.");
        } catch (LooksIdentifying warned) {
            redirect.addFlashAttribute("noteWarning", warned.getMessage());
            redirect.addFlashAttribute("noteText", text);
        } catch (ClientDetailsInvalid | ClientChangeRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return ClientForms.clientPage(client);
    }

    @PostMapping("/flags/{flag}/clear")
    String clearFlag(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @PathVariable UUID flag,
            RedirectAttributes redirect) {
        return ClientForms.act(redirect, client, () -> flags.clear(user, client, flag), "Flag cleared.");
    }

    @PostMapping("/risk")
    String recordRisk(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam RiskLevel level,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        return ClientForms.act(
                redirect,
                client,
                () -> history.recordRisk(user, client, level, note, LocalDate.now(clock), acknowledgeIdentifying),
                "Risk recorded.");
    }

    @PostMapping("/consents")
    String recordConsent(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam Consent.Purpose purpose,
            @RequestParam(defaultValue = "false") boolean given,
            @RequestParam(defaultValue = "") String on,
            RedirectAttributes redirect) {
        return ClientForms.act(
                redirect,
                client,
                () -> history.recordConsent(user, client, new Consent(purpose, given, ClientForms.date(on, clock))),
                "Consent recorded.");
    }
}

package org.trackwell.clients.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.internal.ClientChangeRefused;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClosureReason;
import org.trackwell.clients.internal.EpisodeCare;
import org.trackwell.shared.Confirmation;

/** The episode forms on the client's page: open, move on a stage, close, re-open, add a follow-up. */
@Controller
@RequestMapping("/clients/{code}/episodes")
class EpisodePages {

    private final EpisodeCare episodes;
    private final Clock clock;

    EpisodePages(EpisodeCare episodes, Clock clock) {
        this.episodes = episodes;
        this.clock = clock;
    }

    @PostMapping
    String openEpisode(
            @ReachedClient ClientRef client,
            @RequestParam(defaultValue = "") String referredOn,
            @RequestParam(defaultValue = "") String referralSource,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        try {
            episodes.open(client, ClientForms.date(referredOn, clock), referralSource, acknowledgeIdentifying);
            redirect.addFlashAttribute("done", "Episode opened.");
        } catch (LooksIdentifying warned) {
            redirect.addFlashAttribute("episodeWarning", warned.getMessage());
            redirect.addFlashAttribute("referredOnText", referredOn);
            redirect.addFlashAttribute("referralSourceText", referralSource);
        } catch (ClientDetailsInvalid | ClientChangeRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return ClientForms.clientPage(client);
    }

    @PostMapping("/{episode}/stage")
    String moveEpisode(
            @ReachedClient ClientRef client,
            @PathVariable UUID episode,
            @RequestParam EpisodeStage stage,
            RedirectAttributes redirect) {
        return ClientForms.act(redirect, client, () -> episodes.moveTo(client, episode, stage), "Stage changed.");
    }

    @PostMapping("/{episode}/close")
    String closeEpisode(
            @ReachedClient ClientRef client,
            @PathVariable UUID episode,
            @RequestParam(defaultValue = "") String closedOn,
            @RequestParam(defaultValue = "false") boolean planned,
            @RequestParam ClosureReason reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return new Confirmation(
                            "Close this episode?",
                            "Closing it ends this course of care: no more sessions or measures can be recorded in it,"
                                    + " and its outcome counts in the service's figures. It can be re-opened if this"
                                    + " is a mistake.",
                            "Close the episode",
                            "/clients/" + client.code())
                    .ask(request, model);
        }
        return ClientForms.act(
                redirect,
                client,
                () -> episodes.close(client, episode, ClientForms.date(closedOn, clock), planned, reason),
                "Episode closed.");
    }

    @PostMapping("/{episode}/reopen")
    String reopenEpisode(@ReachedClient ClientRef client, @PathVariable UUID episode, RedirectAttributes redirect) {
        return ClientForms.act(redirect, client, () -> episodes.reopen(client, episode), "Episode re-opened.");
    }

    @PostMapping("/{episode}/follow-ups")
    String addFollowUp(
            @ReachedClient ClientRef client,
            @PathVariable UUID episode,
            @RequestParam(defaultValue = "") String dueOn,
            RedirectAttributes redirect) {
        return ClientForms.act(
                redirect,
                client,
                () -> episodes.addFollowUp(client, episode, ClientForms.date(dueOn, clock)),
                "Follow-up added.");
    }
}

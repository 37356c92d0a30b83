package org.trackwell.clients.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Episode;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.internal.ClosureReason;
import org.trackwell.clients.internal.EpisodeCare;

/** A client's episodes of care: opening, moving through the stages, closing, re-opening, follow-ups. */
@RestController
@RequestMapping("/api/v1/clients/{code}/episodes")
class EpisodesApi {

    record EpisodeRequest(
            @NotNull LocalDate referredOn,
            @Nullable @Size(max = 200) String referralSource,
            @Nullable Boolean acknowledgeIdentifying) {}

    record StageRequest(@NotNull EpisodeStage stage) {}

    record Closure(
            @NotNull LocalDate closedOn,
            boolean planned,
            @NotNull ClosureReason reason) {}

    record FollowUp(@NotNull LocalDate dueOn) {}

    /** An episode of care as the API shows it. */
    record ClientEpisodeView(
            UUID id,
            LocalDate referredOn,
            @Nullable String referralSource,
            EpisodeStage stage,
            @Nullable LocalDate closedOn,
            @Nullable Boolean closurePlanned,
            @Nullable ClosureReason closureReason,
            List<LocalDate> followUps) {

        static ClientEpisodeView of(Episode episode) {
            return new ClientEpisodeView(
                    episode.id(),
                    episode.referredOn(),
                    episode.referralSource(),
                    episode.stage(),
                    episode.closedOn(),
                    episode.closurePlanned(),
                    episode.closureReason(),
                    episode.followUps());
        }
    }

    private final EpisodeCare episodes;

    EpisodesApi(EpisodeCare episodes) {
        this.episodes = episodes;
    }

    @GetMapping
    List<ClientEpisodeView> episodes(@ReachedClient(viewed = AuditAction.CLIENT_EPISODES_VIEWED) ClientRef client) {
        return episodes.ofClient(client).stream().map(ClientEpisodeView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClientEpisodeView openEpisode(@ReachedClient ClientRef client, @Valid @RequestBody EpisodeRequest body) {
        return ClientEpisodeView.of(episodes.open(
                client, body.referredOn(), body.referralSource(), Boolean.TRUE.equals(body.acknowledgeIdentifying())));
    }

    @PostMapping("/{episode}/stage")
    ClientEpisodeView moveEpisode(
            @ReachedClient ClientRef client, @PathVariable UUID episode, @Valid @RequestBody StageRequest body) {
        return ClientEpisodeView.of(episodes.moveTo(client, episode, body.stage()));
    }

    @PostMapping("/{episode}/close")
    ClientEpisodeView closeEpisode(
            @ReachedClient ClientRef client, @PathVariable UUID episode, @Valid @RequestBody Closure body) {
        return ClientEpisodeView.of(episodes.close(client, episode, body.closedOn(), body.planned(), body.reason()));
    }

    @PostMapping("/{episode}/reopen")
    ClientEpisodeView reopenEpisode(@ReachedClient ClientRef client, @PathVariable UUID episode) {
        return ClientEpisodeView.of(episodes.reopen(client, episode));
    }

    @PostMapping("/{episode}/follow-ups")
    ClientEpisodeView addFollowUp(
            @ReachedClient ClientRef client, @PathVariable UUID episode, @Valid @RequestBody FollowUp body) {
        return ClientEpisodeView.of(episodes.addFollowUp(client, episode, body.dueOn()));
    }
}

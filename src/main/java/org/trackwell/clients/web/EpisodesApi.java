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

    private final EpisodeCare episodes;

    EpisodesApi(EpisodeCare episodes) {
        this.episodes = episodes;
    }

    @GetMapping
    List<Episode> episodes(@ReachedClient(viewed = AuditAction.CLIENT_EPISODES_VIEWED) ClientRef client) {
        return episodes.ofClient(client);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Episode openEpisode(@ReachedClient ClientRef client, @Valid @RequestBody EpisodeRequest body) {
        return episodes.open(
                client, body.referredOn(), body.referralSource(), Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }

    @PostMapping("/{episode}/stage")
    Episode moveEpisode(
            @ReachedClient ClientRef client, @PathVariable UUID episode, @Valid @RequestBody StageRequest body) {
        return episodes.moveTo(client, episode, body.stage());
    }

    @PostMapping("/{episode}/close")
    Episode closeEpisode(
            @ReachedClient ClientRef client, @PathVariable UUID episode, @Valid @RequestBody Closure body) {
        return episodes.close(client, episode, body.closedOn(), body.planned(), body.reason());
    }

    @PostMapping("/{episode}/reopen")
    Episode reopenEpisode(@ReachedClient ClientRef client, @PathVariable UUID episode) {
        return episodes.reopen(client, episode);
    }

    @PostMapping("/{episode}/follow-ups")
    Episode addFollowUp(
            @ReachedClient ClientRef client, @PathVariable UUID episode, @Valid @RequestBody FollowUp body) {
        return episodes.addFollowUp(client, episode, body.dueOn());
    }
}

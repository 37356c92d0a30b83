package org.trackwell.outcomes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.Change;
import org.trackwell.outcomes.internal.ChartLinks;
import org.trackwell.outcomes.internal.ClientProgress;
import org.trackwell.outcomes.internal.EpisodeProgress;
import org.trackwell.outcomes.internal.MeasureProgress;
import org.trackwell.outcomes.internal.Progress;
import org.trackwell.outcomes.internal.ProgressLine;
import org.trackwell.outcomes.internal.TalkingTherapiesOutcome;
import org.trackwell.outcomes.web.ProgressViews.ChangeView;
import org.trackwell.outcomes.web.ProgressViews.NotOnTrackView;
import org.trackwell.outcomes.web.ProgressViews.PointView;
import org.trackwell.outcomes.web.ProgressViews.TalkingTherapiesOutcomeView;

/** Progress on measures: one client's, the caseload's, the primary measure and chart links shared with the client. */
@RestController
@RequestMapping("/api/v1")
class ProgressApi {

    private final Progress progress;
    private final ChartLinks links;

    ProgressApi(Progress progress, ChartLinks links) {
        this.progress = progress;
        this.links = links;
    }

    record PrimaryMeasure(@NotNull String measure) {}

    record ProgressView(String primaryMeasure, List<EpisodeView> episodes) {

        static ProgressView of(ClientProgress progress) {
            return new ProgressView(
                    progress.primaryMeasure(),
                    progress.episodes().stream().map(EpisodeView::of).toList());
        }
    }

    record EpisodeView(
            UUID episodeId,
            LocalDate referredOn,
            @Nullable LocalDate closedOn,
            boolean open,
            List<MeasureProgressView> measures,
            TalkingTherapiesOutcomeView talkingTherapies,
            @Nullable NotOnTrackView notOnTrack) {

        static EpisodeView of(EpisodeProgress episode) {
            return new EpisodeView(
                    episode.episodeId(),
                    episode.referredOn(),
                    episode.closedOn(),
                    episode.open(),
                    MeasureProgressView.of(episode.measures()),
                    TalkingTherapiesOutcomeView.of(episode.talkingTherapies()),
                    NotOnTrackView.of(episode.notOnTrack()));
        }
    }

    record MeasureProgressView(
            String measure,
            String title,
            List<PointView> points,
            @Nullable ChangeView change) {

        static List<MeasureProgressView> of(List<MeasureProgress> measures) {
            return measures.stream()
                    .map(m -> new MeasureProgressView(
                            m.measure().id(),
                            m.measure().title(),
                            m.points().stream().map(PointView::of).toList(),
                            ChangeView.of(m.change())))
                    .toList();
        }
    }

    record ProgressLineView(
            String code,
            UUID teamId,
            String risk,
            boolean riskAnswer,
            String primaryMeasure,
            @Nullable Double latest,
            @Nullable String band,
            Change.@Nullable Light light,
            @Nullable Double percentImprovement,
            @Nullable Boolean reliableImprovement,
            @Nullable TalkingTherapiesOutcomeView talkingTherapies,
            @Nullable NotOnTrackView notOnTrack,
            @Nullable String lastSeen,
            ProgressLine.NotSeen notSeen) {

        static ProgressLineView of(ProgressLine line) {
            Change change = line.change();
            TalkingTherapiesOutcome talkingTherapies = line.talkingTherapies();
            return new ProgressLineView(
                    line.code().toString(),
                    line.teamId(),
                    line.risk().name(),
                    line.riskAnswer(),
                    line.primaryMeasure(),
                    line.latest(),
                    line.band(),
                    change == null ? null : change.light(),
                    change == null ? null : change.percentImprovement(),
                    change == null ? null : change.reliableImprovement(),
                    talkingTherapies == null ? null : TalkingTherapiesOutcomeView.of(talkingTherapies),
                    NotOnTrackView.of(line.notOnTrack()),
                    line.lastSeen() == null ? null : line.lastSeen().toString(),
                    line.notSeen());
        }
    }

    record ProgressPage(List<ProgressLineView> clients, boolean hasMore) {}

    @GetMapping("/clients/{code}/progress")
    ProgressView progress(@ReachedClient(viewed = AuditAction.PROGRESS_VIEWED) ClientRef client) {
        return ProgressView.of(progress.of(client));
    }

    @PutMapping("/clients/{code}/primary-measure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void primaryMeasure(@ReachedClient ClientRef client, @Valid @RequestBody PrimaryMeasure body) {
        progress.choosePrimaryMeasure(client, body.measure());
    }

    @GetMapping("/progress")
    ProgressPage caseload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID team,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page) {
        List<ProgressLine> lines = progress.caseload(user, new CaseloadFilter(team, null, null), page);
        return new ProgressPage(
                lines.stream()
                        .limit(Clients.pageSize())
                        .map(ProgressLineView::of)
                        .toList(),
                lines.size() > Clients.pageSize());
    }

    record ChartLinkView(UUID id, Instant createdAt, Instant expiresAt, boolean revoked, boolean locked) {

        static ChartLinkView of(ChartLinks.ChartLink link) {
            return new ChartLinkView(link.id(), link.createdAt(), link.expiresAt(), link.revoked(), link.locked());
        }
    }

    /** A chart link just made, with its address and PIN: shown this once. */
    record IssuedChartLinkView(UUID id, String url, String pin, Instant expiresAt) {

        static IssuedChartLinkView of(ChartLinks.IssuedChartLink link) {
            return new IssuedChartLinkView(link.id(), link.url(), link.pin(), link.expiresAt());
        }

        @Override
        public String toString() {
            return "IssuedChartLinkView[" + id + "]";
        }
    }

    @GetMapping("/clients/{code}/chart-links")
    List<ChartLinkView> chartLinks(@ReachedClient ClientRef client) {
        return links.chartLinks(client).stream().map(ChartLinkView::of).toList();
    }

    @PostMapping("/clients/{code}/chart-links")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedChartLinkView chartLink(@AuthenticationPrincipal SignedInUser user, @ReachedClient ClientRef client) {
        return IssuedChartLinkView.of(links.chartLink(user, client));
    }

    @DeleteMapping("/clients/{code}/chart-links/{link}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@ReachedClient ClientRef client, @PathVariable UUID link) {
        links.revoke(client, link);
    }
}

package org.trackwell.outcomes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.Clients;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.Attendance;
import org.trackwell.outcomes.CatalogueEntry;
import org.trackwell.outcomes.Change;
import org.trackwell.outcomes.ClientLinks;
import org.trackwell.outcomes.ClientProgress;
import org.trackwell.outcomes.ClientSession;
import org.trackwell.outcomes.ClientSessions;
import org.trackwell.outcomes.EpisodeProgress;
import org.trackwell.outcomes.Goal;
import org.trackwell.outcomes.Goals;
import org.trackwell.outcomes.Measure;
import org.trackwell.outcomes.MeasureAdministration;
import org.trackwell.outcomes.MeasureCatalogue;
import org.trackwell.outcomes.MeasureNotFound;
import org.trackwell.outcomes.MeasureProgress;
import org.trackwell.outcomes.NewSession;
import org.trackwell.outcomes.NotOnTrack;
import org.trackwell.outcomes.OutcomeSettings;
import org.trackwell.outcomes.Progress;
import org.trackwell.outcomes.ProgressLine;
import org.trackwell.outcomes.SessionMode;
import org.trackwell.outcomes.SessionType;
import org.trackwell.outcomes.TalkingTherapiesOutcome;
import org.trackwell.shared.UserId;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
class OutcomesApi {

    private final MeasureCatalogue catalogue;
    private final ClientSessions sessions;
    private final Progress progress;
    private final Goals goals;
    private final ClientLinks links;

    OutcomesApi(
            MeasureCatalogue catalogue, ClientSessions sessions, Progress progress, Goals goals, ClientLinks links) {
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.progress = progress;
        this.goals = goals;
        this.links = links;
    }

    record EntryView(
            String id,
            int version,
            String title,
            CatalogueEntry.Origin origin,
            boolean enabled,
            boolean licenceHeld,
            boolean usable,
            boolean editable,
            Measure.Licence licence,
            String citation) {

        static EntryView of(CatalogueEntry entry) {
            Measure m = entry.measure();
            return new EntryView(
                    m.id(),
                    m.version(),
                    m.title(),
                    entry.origin(),
                    entry.enabled(),
                    entry.licenceHeld(),
                    entry.usable(),
                    entry.editable(),
                    m.licence(),
                    m.citation());
        }
    }

    record Import(@NotNull JsonNode definition) {}

    /** The settings a tenant admin changes here; which measures are on is changed per measure. */
    record SettingsRequest(
            @NotNull Boolean commercial,
            @NotNull String primaryMeasure,
            @NotNull Integer notSeenWarningDays,
            @NotNull Integer notSeenAlertDays,
            @NotNull Integer maxGoals,
            @NotNull Integer linkValidityDays,
            @NotNull Integer chartLinkValidityDays,
            @Nullable Integer sendBeforeHours,
            @Nullable Integer feedbackAfterHours,
            @Nullable String feedbackMeasure,
            @NotNull Integer pcl5CutOff) {

        OutcomeSettings toSettings() {
            return new OutcomeSettings(
                    commercial,
                    Set.of(),
                    Set.of(),
                    primaryMeasure,
                    notSeenWarningDays,
                    notSeenAlertDays,
                    maxGoals,
                    linkValidityDays,
                    chartLinkValidityDays,
                    sendBeforeHours,
                    feedbackAfterHours,
                    feedbackMeasure,
                    pcl5CutOff);
        }
    }

    record Enablement(@NotNull Boolean enabled, @Nullable Boolean licenceHeld) {}

    record SessionTypeRequest(
            @NotNull @Size(max = 30) String code,
            @NotNull @Size(max = 60) String name,
            @NotNull List<String> measures,
            @NotNull Boolean treatment) {}

    record SessionRequest(
            @NotNull Instant startsAt,
            @NotNull String type,
            @NotNull SessionMode mode,
            @Nullable Attendance attendance,
            @Nullable UUID practitionerId,
            @Nullable List<String> measures,
            @Nullable @Size(max = 20000) String notes,
            @Nullable Boolean acknowledgeIdentifying) {

        NewSession toNewSession() {
            return new NewSession(
                    startsAt,
                    type,
                    mode,
                    attendance,
                    practitionerId == null ? null : new UserId(practitionerId),
                    measures,
                    notes,
                    Boolean.TRUE.equals(acknowledgeIdentifying));
        }
    }

    record SessionView(
            UUID id,
            UUID episodeId,
            Instant startsAt,
            UUID practitionerId,
            String type,
            SessionMode mode,
            @Nullable Attendance attendance,
            List<String> plannedMeasures,
            @Nullable String notes,
            List<MeasureAdministration> measures) {

        static SessionView of(ClientSession s) {
            return new SessionView(
                    s.id(),
                    s.episodeId(),
                    s.startsAt(),
                    s.practitioner().value(),
                    s.type(),
                    s.mode(),
                    s.attendance(),
                    s.plannedMeasures(),
                    s.notes(),
                    s.measures());
        }
    }

    record AttendanceRequest(@NotNull Attendance attendance) {}

    record AnswerRequest(@NotNull String measure, @NotNull Map<String, @Nullable Integer> answers) {}

    record RatingsRequest(@NotNull Map<UUID, Integer> ratings) {}

    record PrimaryMeasure(@NotNull String measure) {}

    record GoalRequest(
            Goal.@Nullable Kind kind,
            @NotNull @Size(max = 500) String wording,
            Goal.@Nullable ProblemDuration duration,
            @Nullable Boolean acknowledgeIdentifying) {}

    record LinkRequest(
            @Nullable List<String> measures, @Nullable Boolean email) {}

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
            TalkingTherapiesOutcome talkingTherapies,
            @Nullable NotOnTrack notOnTrack) {

        static EpisodeView of(EpisodeProgress episode) {
            return new EpisodeView(
                    episode.episodeId(),
                    episode.referredOn(),
                    episode.closedOn(),
                    episode.open(),
                    MeasureProgressView.of(episode.measures()),
                    episode.talkingTherapies(),
                    episode.notOnTrack());
        }
    }

    record MeasureProgressView(
            String measure,
            String title,
            List<MeasureProgress.Point> points,
            @Nullable Change change) {

        static List<MeasureProgressView> of(List<MeasureProgress> measures) {
            return measures.stream()
                    .map(m -> new MeasureProgressView(
                            m.measure().id(), m.measure().title(), m.points(), m.change()))
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
            @Nullable TalkingTherapiesOutcome talkingTherapies,
            @Nullable NotOnTrack notOnTrack,
            @Nullable String lastSeen,
            ProgressLine.NotSeen notSeen) {

        static ProgressLineView of(ProgressLine line) {
            Change change = line.change();
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
                    line.talkingTherapies(),
                    line.notOnTrack(),
                    line.lastSeen() == null ? null : line.lastSeen().toString(),
                    line.notSeen());
        }
    }

    record ProgressPage(List<ProgressLineView> clients, boolean hasMore) {}

    @GetMapping("/measures")
    List<EntryView> measures() {
        return catalogue.entries().stream().map(EntryView::of).toList();
    }

    @GetMapping("/measures/{id}")
    Measure measure(@PathVariable String id) {
        return catalogue.find(id).orElseThrow(MeasureNotFound::new);
    }

    @PostMapping("/measures")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView importMeasure(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody Import body) {
        Measure measure = catalogue.addOwn(user, body.definition().toString(), CatalogueEntry.Origin.IMPORTED);
        return catalogue.entries().stream()
                .filter(e -> e.measure().id().equals(measure.id()))
                .map(EntryView::of)
                .findFirst()
                .orElseThrow();
    }

    @PutMapping("/measures/{id}/enabled")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable String id, @Valid @RequestBody Enablement body) {
        if (body.enabled()) {
            catalogue.enable(id, Boolean.TRUE.equals(body.licenceHeld()));
        } else {
            catalogue.disable(id);
        }
    }

    @GetMapping("/outcome-settings")
    OutcomeSettings settings() {
        return catalogue.settings();
    }

    @PutMapping("/outcome-settings")
    OutcomeSettings changeSettings(@Valid @RequestBody SettingsRequest body) {
        return catalogue.changeSettings(body.toSettings());
    }

    @GetMapping("/session-types")
    List<SessionType> sessionTypes() {
        return catalogue.sessionTypes();
    }

    @PutMapping("/session-types")
    List<SessionType> changeSessionTypes(@Valid @RequestBody List<@Valid SessionTypeRequest> body) {
        return catalogue.changeSessionTypes(body.stream()
                .map(t -> new SessionType(t.code(), t.name(), t.measures(), t.treatment()))
                .toList());
    }

    @GetMapping("/clients/{code}/sessions")
    List<SessionView> sessions(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return sessions.of(user, code).stream().map(SessionView::of).toList();
    }

    @PostMapping("/clients/{code}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView recordSession(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody SessionRequest body) {
        return SessionView.of(sessions.record(user, code, body.toNewSession()));
    }

    @PutMapping("/clients/{code}/sessions/{session}/attendance")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void attendance(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @Valid @RequestBody AttendanceRequest body) {
        sessions.recordAttendance(user, code, session, body.attendance());
    }

    @PostMapping("/clients/{code}/sessions/{session}/measures")
    @ResponseStatus(HttpStatus.CREATED)
    MeasureAdministration answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @Valid @RequestBody AnswerRequest body) {
        return sessions.answer(user, code, session, body.measure(), body.answers());
    }

    @PostMapping("/clients/{code}/sessions/{session}/goal-ratings")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rate(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @Valid @RequestBody RatingsRequest body) {
        goals.rate(user, code, session, body.ratings());
    }

    @PostMapping("/clients/{code}/sessions/{session}/links")
    @ResponseStatus(HttpStatus.CREATED)
    ClientLinks.IssuedLink link(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @Valid @RequestBody LinkRequest body) {
        return links.measureLink(user, code, session, body.measures(), Boolean.TRUE.equals(body.email()));
    }

    @GetMapping("/clients/{code}/progress")
    ProgressView progress(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return ProgressView.of(progress.of(user, code));
    }

    @PutMapping("/clients/{code}/primary-measure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void primaryMeasure(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody PrimaryMeasure body) {
        progress.choosePrimaryMeasure(user, code, body.measure());
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

    @GetMapping("/clients/{code}/goals")
    List<Goal> goals(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return goals.of(user, code);
    }

    @PostMapping("/clients/{code}/goals")
    @ResponseStatus(HttpStatus.CREATED)
    Goal addGoal(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody GoalRequest body) {
        return goals.add(
                user,
                code,
                body.kind() == null ? Goal.Kind.GOAL : body.kind(),
                body.wording(),
                body.duration(),
                Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }

    @PutMapping("/clients/{code}/goals/{goal}")
    Goal reword(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID goal,
            @Valid @RequestBody GoalRequest body) {
        return goals.reword(user, code, goal, body.wording(), Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }

    @PostMapping("/clients/{code}/goals/{goal}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void closeGoal(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable UUID goal) {
        goals.close(user, code, goal);
    }

    @GetMapping("/clients/{code}/chart-links")
    List<ClientLinks.ChartLink> chartLinks(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return links.chartLinks(user, code);
    }

    @PostMapping("/clients/{code}/chart-links")
    @ResponseStatus(HttpStatus.CREATED)
    ClientLinks.IssuedChartLink chartLink(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return links.chartLink(user, code);
    }

    @DeleteMapping("/clients/{code}/chart-links/{link}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable UUID link) {
        links.revoke(user, code, link);
    }
}

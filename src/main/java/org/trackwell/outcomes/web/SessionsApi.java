package org.trackwell.outcomes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.Attendance;
import org.trackwell.outcomes.internal.ClientSession;
import org.trackwell.outcomes.internal.ClientSessions;
import org.trackwell.outcomes.internal.Goals;
import org.trackwell.outcomes.internal.MeasureLinks;
import org.trackwell.outcomes.internal.NewSession;
import org.trackwell.outcomes.internal.SessionMode;
import org.trackwell.shared.UserId;

/** A client's sessions: recording them, attendance, measures answered, goal ratings and measure links. */
@RestController
@RequestMapping("/api/v1")
class SessionsApi {

    private final ClientSessions sessions;
    private final Goals goals;
    private final MeasureLinks links;

    SessionsApi(ClientSessions sessions, Goals goals, MeasureLinks links) {
        this.sessions = sessions;
        this.goals = goals;
        this.links = links;
    }

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
            List<MeasureAdministrationView> measures) {

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
                    s.measures().stream().map(MeasureAdministrationView::of).toList());
        }
    }

    record AttendanceRequest(@NotNull Attendance attendance) {}

    record AnswerRequest(@NotNull String measure, @NotNull Map<String, @Nullable Integer> answers) {}

    record RatingsRequest(@NotNull Map<UUID, Integer> ratings) {}

    record LinkRequest(
            @Nullable List<String> measures, @Nullable Boolean email) {}

    @GetMapping("/clients/{code}/sessions")
    List<SessionView> sessions(@ReachedClient(viewed = AuditAction.SESSIONS_VIEWED) ClientRef client) {
        return sessions.of(client).stream().map(SessionView::of).toList();
    }

    @PostMapping("/clients/{code}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView recordSession(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @Valid @RequestBody SessionRequest body) {
        return SessionView.of(sessions.record(user, client, body.toNewSession()));
    }

    @PutMapping("/clients/{code}/sessions/{session}/attendance")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void attendance(
            @ReachedClient ClientRef client, @PathVariable UUID session, @Valid @RequestBody AttendanceRequest body) {
        sessions.recordAttendance(client, session, body.attendance());
    }

    @PostMapping("/clients/{code}/sessions/{session}/measures")
    @ResponseStatus(HttpStatus.CREATED)
    MeasureAdministrationView answer(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @PathVariable UUID session,
            @Valid @RequestBody AnswerRequest body) {
        return MeasureAdministrationView.of(sessions.answer(user, client, session, body.measure(), body.answers()));
    }

    @PostMapping("/clients/{code}/sessions/{session}/goal-ratings")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rate(@ReachedClient ClientRef client, @PathVariable UUID session, @Valid @RequestBody RatingsRequest body) {
        goals.rate(client, session, body.ratings());
    }

    @PostMapping("/clients/{code}/sessions/{session}/links")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedLinkView link(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @PathVariable UUID session,
            @Valid @RequestBody LinkRequest body) {
        return IssuedLinkView.of(
                links.measureLink(user, client, session, body.measures(), Boolean.TRUE.equals(body.email())));
    }

    /** A measure link just made, with its address: shown this once. */
    record IssuedLinkView(UUID id, String url, Instant expiresAt, boolean emailed) {

        static IssuedLinkView of(MeasureLinks.IssuedLink link) {
            return new IssuedLinkView(link.id(), link.url(), link.expiresAt(), link.emailed());
        }

        @Override
        public String toString() {
            return "IssuedLinkView[" + id + "]";
        }
    }
}

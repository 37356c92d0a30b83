package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.ConcernRaised;
import org.trackwell.clients.Episode;
import org.trackwell.clients.Episodes;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.outcomes.ScoreRecorded;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredAnswer;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredSession;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.shared.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions in a client's open episode and the measures answered at them. Answers are scored by the
 * exact version of the measure and sealed under the client's key; a risk answer raises a flag on
 * the client's page for their practitioners and managers.
 */
@Service
public class ClientSessions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final int MAX_NOTES = 20_000;

    private final Clients clients;
    private final Episodes episodes;
    private final ApplicationEventPublisher events;
    private final MeasureCatalogue catalogue;
    private final ClientSessionRows rows;
    private final AnswerDraftRows drafts;
    private final Accounts accounts;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;
    private final ServiceTimeZone zone;

    ClientSessions(
            Clients clients,
            Episodes episodes,
            ApplicationEventPublisher events,
            MeasureCatalogue catalogue,
            ClientSessionRows rows,
            AnswerDraftRows drafts,
            Accounts accounts,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock,
            ServiceTimeZone zone) {
        this.zone = zone;
        this.clients = clients;
        this.episodes = episodes;
        this.events = events;
        this.catalogue = catalogue;
        this.rows = rows;
        this.drafts = drafts;
        this.accounts = accounts;
        this.encryption = encryption;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records a session that happened, or plans one, in the client's open episode. */
    @Transactional
    public ClientSession record(SignedInUser user, ClientRef client, NewSession request) {
        Episode episode = episodes.openEpisode(client)
                .orElseThrow(() -> new SessionChangeRefused("The client has no open episode. Open one first."));
        SessionType type = catalogue.sessionTypes().stream()
                .filter(t -> t.code().equals(request.type()))
                .findFirst()
                .orElseThrow(() -> new SessionChangeRefused("There is no session type " + request.type() + "."));
        List<String> measures = request.measures() == null ? type.measures() : request.measures();
        for (String measure : measures) {
            catalogue.requireEnabled(measure);
        }
        if (request.attendance() != null && request.startsAt().isAfter(clock.instant())) {
            throw new SessionChangeRefused("Attendance can be recorded only once the session has started.");
        }
        UserId practitioner = request.practitioner() == null ? user.id() : request.practitioner();
        requirePractitioner(practitioner);
        String notes = request.notes() == null || request.notes().isBlank()
                ? null
                : request.notes().strip();
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new SessionChangeRefused("Session notes can be at most " + MAX_NOTES + " characters.");
        }
        guard.check(notes, request.acknowledgeIdentifying(), client.auditTarget());
        UUID id = ids.next();
        rows.insert(
                CurrentTenant.require(),
                new StoredSession(
                        id,
                        client.id(),
                        episode.id(),
                        request.startsAt(),
                        practitioner,
                        type.code(),
                        request.mode(),
                        request.attendance(),
                        measures,
                        notes == null ? null : encryption.seal(notesAddress(client.id(), id), notes)),
                user.id(),
                clock.instant());
        trail.record(AuditAction.SESSION_RECORDED, client.auditTarget(), Outcome.SUCCESS);
        return open(rows.find(client.id(), id).orElseThrow(), List.of());
    }

    @Transactional
    public void recordAttendance(ClientRef client, UUID session, Attendance attendance) {
        StoredSession stored = requireInOpenEpisode(client, session);
        if (stored.startsAt().isAfter(clock.instant())) {
            throw new SessionChangeRefused("Attendance can be recorded only once the session has started.");
        }
        rows.recordAttendance(session, attendance);
        trail.record(AuditAction.SESSION_ATTENDANCE_RECORDED, client.auditTarget(), Outcome.SUCCESS);
    }

    /** The client's sessions in time order, each with its answered measures; the caller has recorded the read. */
    @Transactional(readOnly = true)
    public List<ClientSession> of(ClientRef client) {
        Map<UUID, List<MeasureAdministration>> answers = new HashMap<>();
        for (StoredAnswer answer : rows.answersOf(client.id())) {
            answers.computeIfAbsent(answer.sessionId(), k -> new java.util.ArrayList<>())
                    .add(administration(answer));
        }
        return rows.ofClient(client.id()).stream()
                .map(session -> open(session, answers.getOrDefault(session.id(), List.of())))
                .toList();
    }

    /** One of the client's sessions with its answered measures; the caller has recorded the read. */
    @Transactional(readOnly = true)
    public ClientSession one(ClientRef client, UUID session) {
        StoredSession stored = rows.find(client.id(), session).orElseThrow(SessionNotFound::new);
        return open(
                stored,
                rows.answersOf(client.id(), session).stream()
                        .map(this::administration)
                        .toList());
    }

    /**
     * The practitioner records a measure answered with the client at a session; an answer set with
     * more items unanswered than the measure allows is refused, and any draft of it is dropped once
     * it is recorded.
     */
    @Transactional
    public MeasureAdministration answer(
            SignedInUser user,
            ClientRef client,
            UUID session,
            String measureId,
            Map<String, ? extends @Nullable Integer> answers) {
        return store(
                client, requireAnswerable(client, session), measureId, answers, CompletedBy.PRACTITIONER, user.id());
    }

    /** A session of the client's open episode that took place or is still planned. */
    StoredSession requireAnswerable(ClientRef client, UUID session) {
        StoredSession stored = requireInOpenEpisode(client, session);
        if (stored.attendance() != null && stored.attendance() != Attendance.ATTENDED) {
            throw new SessionChangeRefused("Measures can be recorded only for sessions that took place.");
        }
        return stored;
    }

    /** A measure the client answered through a link; the link has already been checked. */
    MeasureAdministration answerAsClient(
            ClientRef client, UUID session, String measureId, Map<String, ? extends @Nullable Integer> answers) {
        StoredSession stored = rows.find(client.id(), session).orElseThrow(SessionNotFound::new);
        return store(client, stored, measureId, answers, CompletedBy.CLIENT, null);
    }

    private MeasureAdministration store(
            ClientRef client,
            StoredSession session,
            String measureId,
            Map<String, ? extends @Nullable Integer> answers,
            CompletedBy completedBy,
            @Nullable UserId by) {
        Measure measure = catalogue.requireEnabled(measureId);
        Map<String, Integer> given = new LinkedHashMap<>();
        answers.forEach((item, value) -> {
            if (value != null) {
                given.put(item, value);
            }
        });
        Score score = measure.score(given);
        if (!score.scored()) {
            throw new AnswersIncomplete(
                    Objects.requireNonNull(score.reasonNotScored(), "an unscored measure says why"));
        }
        UUID id = ids.next();
        Instant now = clock.instant();
        StoredAnswer answer = new StoredAnswer(
                id,
                client.id(),
                session.id(),
                session.startsAt(),
                measure.id(),
                measure.version(),
                encryption.seal(answersAddress(client.id(), id), JSON.writeValueAsString(given)),
                score.total(),
                score.band(),
                score.isCase(),
                !score.risks().isEmpty(),
                completedBy,
                now);
        if (!rows.insertAnswer(CurrentTenant.require(), answer, by)) {
            throw new SessionChangeRefused(measure.id() + " has already been answered at this session.");
        }
        drafts.delete(session.id(), measure.id());
        trail.record(AuditAction.MEASURE_ANSWERED, client.auditTarget(), Outcome.SUCCESS);
        events.publishEvent(new ScoreRecorded(
                CurrentTenant.require(),
                id,
                client.id(),
                client.code(),
                session.id(),
                measure.id(),
                measure.version(),
                score.total(),
                score.band(),
                score.isCase(),
                completedBy.name().toLowerCase(java.util.Locale.ROOT),
                now));
        String day = DAY.format(session.startsAt().atZone(zone.zone()));
        for (String risk : score.risks()) {
            events.publishEvent(new ConcernRaised(
                    CurrentTenant.require(),
                    client.id(),
                    "outcomes",
                    risk + ", answered at the session on " + day + "."));
        }
        return administration(answer, given);
    }

    private StoredSession requireInOpenEpisode(ClientRef client, UUID session) {
        StoredSession stored = rows.find(client.id(), session).orElseThrow(SessionNotFound::new);
        boolean open = episodes.openEpisode(client)
                .map(e -> e.id().equals(stored.episodeId()))
                .orElse(false);
        if (!open) {
            throw new SessionChangeRefused("This session's episode is closed. Re-open it to change the session.");
        }
        return stored;
    }

    private void requirePractitioner(UserId practitioner) {
        boolean known = accounts.list().stream()
                .anyMatch(u -> u.id().equals(practitioner)
                        && (u.roles().contains(Role.PRACTITIONER) || u.roles().contains(Role.MANAGER)));
        if (!known) {
            throw new SessionChangeRefused("Sessions are held by practitioners or managers.");
        }
    }

    private ClientSession open(StoredSession session, List<MeasureAdministration> measures) {
        return new ClientSession(
                session.id(),
                session.episodeId(),
                session.startsAt(),
                session.practitioner(),
                session.type(),
                session.mode(),
                session.attendance(),
                session.plannedMeasures(),
                session.notes() == null
                        ? null
                        : encryption.open(notesAddress(session.clientId(), session.id()), session.notes()),
                measures);
    }

    MeasureAdministration administration(StoredAnswer answer) {
        Map<String, Integer> answers = JSON.readValue(
                encryption.open(answersAddress(answer.clientId(), answer.id()), answer.answers()),
                new TypeReference<Map<String, Integer>>() {});
        return administration(answer, answers);
    }

    private static MeasureAdministration administration(StoredAnswer answer, Map<String, Integer> answers) {
        return new MeasureAdministration(
                answer.id(),
                answer.sessionId(),
                answer.measureId(),
                answer.measureVersion(),
                answer.total(),
                answer.band(),
                answer.isCase(),
                answer.risk(),
                answers,
                answer.completedBy(),
                answer.recordedAt());
    }

    private static FieldAddress notesAddress(UUID client, UUID session) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "client_session", "notes", session.toString());
    }

    private static FieldAddress answersAddress(UUID client, UUID answer) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "measure_answer", "answers", answer.toString());
    }
}

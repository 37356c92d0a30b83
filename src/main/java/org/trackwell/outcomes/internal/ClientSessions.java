package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.Episode;
import org.trackwell.clients.Episodes;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredAnswer;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredSession;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions in a client's open episode and the measures answered at them ({@link MeasureAnswers}
 * scores and keeps the answers).
 */
@Service
public class ClientSessions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final int MAX_NOTES = 20_000;

    private final Clients clients;
    private final Episodes episodes;
    private final MeasureCatalogue catalogue;
    private final TeamMeasures teamMeasures;
    private final ClientSessionRows rows;
    private final MeasureAnswers measureAnswers;
    private final Accounts accounts;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    ClientSessions(
            Clients clients,
            Episodes episodes,
            MeasureCatalogue catalogue,
            TeamMeasures teamMeasures,
            ClientSessionRows rows,
            MeasureAnswers measureAnswers,
            Accounts accounts,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.clients = clients;
        this.episodes = episodes;
        this.catalogue = catalogue;
        this.teamMeasures = teamMeasures;
        this.rows = rows;
        this.measureAnswers = measureAnswers;
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
        List<String> measures = request.measures() == null ? typeMeasuresOffered(client, type) : request.measures();
        for (String measure : measures) {
            teamMeasures.requireOffered(client, measure);
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
                    .add(measureAnswers.administration(answer));
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
                        .map(measureAnswers::administration)
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
        teamMeasures.requireOffered(client, measureId);
        return measureAnswers.store(
                client, requireAnswerable(client, session), measureId, answers, CompletedBy.PRACTITIONER, user.id());
    }

    /** A session type's measures, less those switched off for the client's team: the type still applies to them. */
    private List<String> typeMeasuresOffered(ClientRef client, SessionType type) {
        List<String> offered = teamMeasures.offeredTo(client);
        return type.measures().stream().filter(offered::contains).toList();
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
        return measureAnswers.store(client, stored, measureId, answers, CompletedBy.CLIENT, null);
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

    private static FieldAddress notesAddress(UUID client, UUID session) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "client_session", "notes", session.toString());
    }
}

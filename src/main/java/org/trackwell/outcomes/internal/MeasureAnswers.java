package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ConcernRaised;
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
 * The measures answered at a session: scored by the exact version of the measure and sealed under
 * the client's key. A recorded score is announced, and a risk answer raises a flag on the client's
 * page for their practitioners and managers.
 */
@Component
class MeasureAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final MeasureCatalogue catalogue;
    private final ClientSessionRows rows;
    private final AnswerDraftRows drafts;
    private final FieldEncryption encryption;
    private final ApplicationEventPublisher events;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;
    private final ServiceTimeZone zone;

    MeasureAnswers(
            MeasureCatalogue catalogue,
            ClientSessionRows rows,
            AnswerDraftRows drafts,
            FieldEncryption encryption,
            ApplicationEventPublisher events,
            AuditTrail trail,
            Ids ids,
            Clock clock,
            ServiceTimeZone zone) {
        this.catalogue = catalogue;
        this.rows = rows;
        this.drafts = drafts;
        this.encryption = encryption;
        this.events = events;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    /** Scores and keeps a measure answered at the session; the caller has checked the session may take it. */
    MeasureAdministration store(
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

    private static FieldAddress answersAddress(UUID client, UUID answer) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "measure_answer", "answers", answer.toString());
    }
}

package org.trackwell.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.Clients;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.ClientSessionRows;
import org.trackwell.outcomes.internal.ClientSessionRows.Glance;
import org.trackwell.outcomes.internal.ClientSessionRows.StoredAnswer;
import org.trackwell.outcomes.internal.OutcomeSettingsRows;
import org.trackwell.shared.CurrentTenant;

/** Whether clients are getting better: per client, and across a caseload at a glance. */
@Service
public class Progress {

    private final Clients clients;
    private final MeasureCatalogue catalogue;
    private final ClientSessionRows sessions;
    private final OutcomeSettingsRows settingsRows;
    private final AuditTrail trail;
    private final Clock clock;

    Progress(
            Clients clients,
            MeasureCatalogue catalogue,
            ClientSessionRows sessions,
            OutcomeSettingsRows settingsRows,
            AuditTrail trail,
            Clock clock) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.settingsRows = settingsRows;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public ClientProgress of(SignedInUser user, String code) {
        ClientRef client = clients.clinical(user, code);
        trail.record("progress.viewed", client.auditTarget(), Outcome.SUCCESS);
        return progressOf(client);
    }

    /** A client's progress for a chart link: the link has been checked and records its own use. */
    ClientProgress progressOf(ClientRef client) {
        String primary = settingsRows
                .primaryMeasureOf(client.id())
                .orElse(catalogue.settings().primaryMeasure());
        Map<String, List<StoredAnswer>> byMeasure = new LinkedHashMap<>();
        for (StoredAnswer answer : sessions.answersOf(client.id())) {
            if (answer.total() != null) {
                byMeasure
                        .computeIfAbsent(answer.measureId(), k -> new ArrayList<>())
                        .add(answer);
            }
        }
        List<MeasureProgress> measures = new ArrayList<>();
        byMeasure.forEach(
                (id, answers) -> catalogue.find(id).ifPresent(measure -> measures.add(progress(measure, answers))));
        measures.sort(
                Comparator.comparing((MeasureProgress m) -> !m.measure().id().equals(primary))
                        .thenComparing(m -> m.measure().id()));
        return new ClientProgress(primary, measures);
    }

    @Transactional
    public void choosePrimaryMeasure(SignedInUser user, String code, String measure) {
        ClientRef client = clients.clinical(user, code);
        catalogue.requireEnabled(measure);
        settingsRows.setPrimaryMeasure(CurrentTenant.require(), client.id(), measure);
        trail.record("primary-measure.changed", client.auditTarget(), Outcome.SUCCESS);
    }

    /** The caseload page's clients, each with its progress at a glance. */
    @Transactional
    public List<ProgressLine> caseload(SignedInUser user, CaseloadFilter filter, int page) {
        List<ClientSummary> summaries = clients.caseload(user, filter, page);
        List<UUID> ids = summaries.stream().map(ClientSummary::id).toList();
        OutcomeSettings settings = catalogue.settings();
        Map<UUID, Glance> glances = sessions.glance(ids, settings.primaryMeasure());
        Instant now = clock.instant();
        Map<UUID, Instant> lastAttended = sessions.lastAttended(ids, now);
        Map<String, Optional<Measure>> measures = new HashMap<>();
        List<ProgressLine> lines = new ArrayList<>();
        for (ClientSummary summary : summaries) {
            Glance glance = glances.get(summary.id());
            Optional<Measure> measure = measures.computeIfAbsent(glance.measureId(), catalogue::find);
            Change change = measure.isEmpty() || glance.first() == null || glance.latest() == null
                    ? null
                    : Change.between(measure.get(), glance.first(), glance.latest());
            Instant seen = lastAttended.get(summary.id());
            lines.add(new ProgressLine(
                    summary.id(),
                    summary.code(),
                    summary.teamId(),
                    summary.risk(),
                    glance.riskAnswer(),
                    glance.measureId(),
                    glance.latest(),
                    glance.latestBand(),
                    change,
                    seen == null
                            ? null
                            : seen.atZone(ClientSessions.SERVICE_ZONE).toLocalDate(),
                    notSeen(seen, now, settings, summary.episodeOpen())));
        }
        return lines;
    }

    private static ProgressLine.NotSeen notSeen(
            @Nullable Instant seen, Instant now, OutcomeSettings settings, boolean episodeOpen) {
        if (seen == null || !episodeOpen) {
            return ProgressLine.NotSeen.RECENTLY;
        }
        long days = Duration.between(seen, now).toDays();
        return days >= settings.notSeenAlertDays()
                ? ProgressLine.NotSeen.ALERT
                : days >= settings.notSeenWarningDays() ? ProgressLine.NotSeen.WARNING : ProgressLine.NotSeen.RECENTLY;
    }

    private static MeasureProgress progress(Measure measure, List<StoredAnswer> answers) {
        List<MeasureProgress.Point> points = answers.stream()
                .map(a -> new MeasureProgress.Point(
                        a.sessionId(), a.sessionStart(), a.total(), a.band(), a.risk(), a.completedBy()))
                .toList();
        Change change = points.size() < 2
                ? null
                : Change.between(
                        measure, points.getFirst().total(), points.getLast().total());
        return new MeasureProgress(measure, points, change);
    }
}

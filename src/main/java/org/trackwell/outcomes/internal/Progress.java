package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.Clients;
import org.trackwell.clients.Episode;
import org.trackwell.clients.Episodes;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.ProgressRows.CaseloadFacts;
import org.trackwell.outcomes.internal.ProgressRows.StoredScore;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.ServiceTimeZone;

/**
 * Whether clients are getting better, episode by episode: per client, and across a caseload at a
 * glance from each client's current episode.
 */
@Service
public class Progress {

    private final Clients clients;
    private final Episodes episodes;
    private final MeasureCatalogue catalogue;
    private final ProgressRows rows;
    private final OutcomeSettingsRows settingsRows;
    private final TeamMeasures teamMeasures;
    private final AuditTrail trail;
    private final Clock clock;
    private final ServiceTimeZone zone;

    Progress(
            Clients clients,
            Episodes episodes,
            MeasureCatalogue catalogue,
            ProgressRows rows,
            OutcomeSettingsRows settingsRows,
            TeamMeasures teamMeasures,
            AuditTrail trail,
            Clock clock,
            ServiceTimeZone zone) {
        this.zone = zone;
        this.clients = clients;
        this.episodes = episodes;
        this.catalogue = catalogue;
        this.rows = rows;
        this.settingsRows = settingsRows;
        this.teamMeasures = teamMeasures;
        this.trail = trail;
        this.clock = clock;
    }

    /** A client's progress; the caller has recorded the read (a page, or a chart link's use). */
    @Transactional(readOnly = true)
    public ClientProgress of(ClientRef client) {
        OutcomeSettings settings = catalogue.settings();
        String primary = settingsRows.primaryMeasureOf(client.id()).orElse(settings.primaryMeasure());
        List<Episode> all = episodes.ofClient(client);
        Map<UUID, Integer> contacts = rows.attendedContacts(
                List.of(client.id()), all.stream().map(Episode::id).toList(), catalogue.treatmentTypes());
        Map<UUID, List<StoredScore>> scores = new HashMap<>();
        for (StoredScore score : rows.scoresOf(client.id())) {
            scores.computeIfAbsent(score.episodeId(), k -> new ArrayList<>()).add(score);
        }
        Function<String, Optional<Measure>> measures = catalogue.finder(settings);
        return new ClientProgress(
                primary,
                all.stream()
                        .map(episode -> EpisodeOutcomes.progress(
                                episode,
                                scores.getOrDefault(episode.id(), List.of()),
                                contacts.getOrDefault(episode.id(), 0),
                                primary,
                                measures))
                        .toList());
    }

    /** A measure the service uses and the client's team has not switched off. */
    @Transactional
    public void choosePrimaryMeasure(ClientRef client, String measure) {
        teamMeasures.requireOffered(client, measure);
        settingsRows.setPrimaryMeasure(CurrentTenant.require(), client.id(), measure);
        trail.record(AuditAction.PRIMARY_MEASURE_CHANGED, client.auditTarget(), Outcome.SUCCESS);
    }

    /**
     * The caseload page's clients, each with its current episode's progress at a glance. Scores
     * are clinical: the clients are those of the user's clinical reach only, so a carer's teams'
     * clients, reached for medication, are never listed here, even for a carer who also practises.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('PRACTITIONER', 'MANAGER')")
    public List<ProgressLine> caseload(SignedInUser user, CaseloadFilter filter, int page) {
        List<ClientSummary> summaries = clients.clinicalCaseload(user, filter, page);
        OutcomeSettings settings = catalogue.settings();
        Instant now = clock.instant();
        ZoneId here = zone.zone();
        Map<UUID, CaseloadFacts> facts = rows.caseloadFacts(
                summaries.stream().map(ClientSummary::id).toList(),
                summaries.stream().<@Nullable UUID>map(ClientSummary::episodeId).toList(),
                catalogue.treatmentTypes(),
                now);
        Function<String, Optional<Measure>> measures = catalogue.finder(settings);
        List<ProgressLine> lines = new ArrayList<>();
        for (ClientSummary summary : summaries) {
            CaseloadFacts client = facts.getOrDefault(summary.id(), CaseloadFacts.NONE);
            String primary = Objects.requireNonNullElse(client.primaryMeasure(), settings.primaryMeasure());
            EpisodeOutcomes.Glance glance = summary.episodeId() == null
                    ? EpisodeOutcomes.Glance.NO_EPISODE
                    : EpisodeOutcomes.glance(client.scores(), client.contacts(), primary, measures);
            Instant seen = client.lastAttended();
            lines.add(new ProgressLine(
                    summary.id(),
                    summary.code(),
                    summary.teamId(),
                    summary.risk(),
                    glance.riskAnswer(),
                    primary,
                    glance.latest(),
                    glance.band(),
                    glance.change(),
                    glance.talkingTherapies(),
                    glance.notOnTrack(),
                    seen == null ? null : seen.atZone(here).toLocalDate(),
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
}

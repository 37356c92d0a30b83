package org.trackwell.outcomes.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.Episode;
import org.trackwell.outcomes.internal.ProgressRows.EpisodeScores;
import org.trackwell.outcomes.internal.ProgressRows.StoredScore;

/**
 * An episode's figures from its scores, the same whether read score by score for a client's page or
 * as first and latest per measure for a caseload: each measure's change from the episode's first
 * score, the NHS Talking Therapies outcome and the not-on-track flag.
 */
final class EpisodeOutcomes {

    private EpisodeOutcomes() {}

    /** What a caseload line shows of a client's current episode; nothing when there is none. */
    record Glance(
            @Nullable Double latest,
            @Nullable String band,
            @Nullable Change change,
            boolean riskAnswer,
            @Nullable TalkingTherapiesOutcome talkingTherapies,
            @Nullable NotOnTrack notOnTrack) {

        static final Glance NO_EPISODE = new Glance(null, null, null, false, null, null);
    }

    /** A measure's first and latest score in an episode, and how many scores there were. */
    private record Reading(Measure measure, int scored, double first, double latest) {

        @Nullable
        Change change() {
            return scored < 2 ? null : Change.between(measure, first, latest);
        }
    }

    static EpisodeProgress progress(
            Episode episode,
            List<StoredScore> scores,
            int treatmentContacts,
            String primary,
            Function<String, Optional<Measure>> catalogue) {
        Map<String, List<MeasureProgress.Point>> byMeasure = new LinkedHashMap<>();
        for (StoredScore score : scores) {
            if (score.total() != null) {
                byMeasure
                        .computeIfAbsent(score.measureId(), k -> new ArrayList<>())
                        .add(new MeasureProgress.Point(
                                score.sessionId(),
                                score.sessionStart(),
                                score.total(),
                                score.band(),
                                score.risk(),
                                score.completedBy()));
            }
        }
        List<Reading> readings = new ArrayList<>();
        byMeasure.forEach((id, measured) -> catalogue
                .apply(id)
                .ifPresent(measure -> readings.add(new Reading(
                        measure,
                        measured.size(),
                        measured.getFirst().total(),
                        measured.getLast().total()))));
        readings.sort(primaryFirst(primary));
        return new EpisodeProgress(
                episode.id(),
                episode.referredOn(),
                episode.closedOn(),
                readings.stream()
                        .map(r -> new MeasureProgress(
                                r.measure(),
                                Objects.requireNonNull(
                                        byMeasure.get(r.measure().id()), "each reading is of a measure scored"),
                                r.change()))
                        .toList(),
                talkingTherapies(readings, treatmentContacts),
                notOnTrack(readings));
    }

    static Glance glance(
            List<EpisodeScores> scores,
            int treatmentContacts,
            String primary,
            Function<String, Optional<Measure>> catalogue) {
        List<Reading> readings = new ArrayList<>();
        for (EpisodeScores measured : scores) {
            Double first = measured.first();
            Double latest = measured.latest();
            if (measured.scored() > 0 && first != null && latest != null) {
                catalogue
                        .apply(measured.measureId())
                        .ifPresent(m -> readings.add(new Reading(m, measured.scored(), first, latest)));
            }
        }
        readings.sort(primaryFirst(primary));
        Optional<EpisodeScores> onPrimary = scores.stream()
                .filter(s -> s.measureId().equals(primary) && s.scored() > 0)
                .findFirst();
        return new Glance(
                onPrimary.map(EpisodeScores::latest).orElse(null),
                onPrimary.map(EpisodeScores::latestBand).orElse(null),
                reading(readings, primary).map(Reading::change).orElse(null),
                scores.stream().anyMatch(EpisodeScores::riskAnswer),
                talkingTherapies(readings, treatmentContacts),
                notOnTrack(readings));
    }

    private static TalkingTherapiesOutcome talkingTherapies(List<Reading> readings, int treatmentContacts) {
        return TalkingTherapiesOutcome.of(
                treatmentContacts,
                reading(readings, TalkingTherapiesOutcome.DEPRESSION)
                        .map(Reading::change)
                        .orElse(null),
                reading(readings, TalkingTherapiesOutcome.ANXIETY)
                        .map(Reading::change)
                        .orElse(null));
    }

    /** The first measure, primary first, that shows the client off track. */
    private static @Nullable NotOnTrack notOnTrack(List<Reading> readings) {
        return readings.stream()
                .map(r -> NotOnTrack.of(r.measure(), r.first(), r.latest(), r.scored()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Optional<Reading> reading(List<Reading> readings, String measure) {
        return readings.stream().filter(r -> r.measure().id().equals(measure)).findFirst();
    }

    private static Comparator<Reading> primaryFirst(String primary) {
        return Comparator.comparing((Reading r) -> !r.measure().id().equals(primary))
                .thenComparing(r -> r.measure().id());
    }
}

package org.trackwell.outcomes.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.outcomes.internal.Change;
import org.trackwell.outcomes.internal.CompletedBy;
import org.trackwell.outcomes.internal.MeasureProgress;
import org.trackwell.outcomes.internal.NotOnTrack;
import org.trackwell.outcomes.internal.TalkingTherapiesOutcome;

/** The parts of a client's progress as the API shows them (docs/outcomes.md defines each). */
final class ProgressViews {

    private ProgressViews() {}

    /** One score on a measure's chart. */
    record PointView(
            UUID sessionId,
            Instant at,
            double total,
            @Nullable String band,
            boolean risk,
            CompletedBy by) {

        static PointView of(MeasureProgress.Point point) {
            return new PointView(point.sessionId(), point.at(), point.total(), point.band(), point.risk(), point.by());
        }
    }

    /** How the scores on one measure moved from the first to the last. */
    record ChangeView(
            double first,
            double last,
            @Nullable Boolean caseAtFirst,
            @Nullable Boolean caseAtLast,
            boolean reliableImprovement,
            boolean reliableDeterioration,
            boolean recovery,
            boolean reliableRecovery,
            @Nullable Double percentImprovement,
            Change.Light light) {

        static @Nullable ChangeView of(@Nullable Change change) {
            return change == null
                    ? null
                    : new ChangeView(
                            change.first(),
                            change.last(),
                            change.caseAtFirst(),
                            change.caseAtLast(),
                            change.reliableImprovement(),
                            change.reliableDeterioration(),
                            change.recovery(),
                            change.reliableRecovery(),
                            change.percentImprovement(),
                            change.light());
        }
    }

    /** Scores on a measure worse than expected, and why in words. */
    record NotOnTrackView(String measure, double baseline, double latest, int scoredSessions, String reason) {

        static @Nullable NotOnTrackView of(@Nullable NotOnTrack flag) {
            return flag == null
                    ? null
                    : new NotOnTrackView(
                            flag.measure(), flag.baseline(), flag.latest(), flag.scoredSessions(), flag.reason());
        }
    }

    /** An episode's outcome as NHS Talking Therapies reports it, on PHQ-9 and GAD-7 together. */
    record TalkingTherapiesOutcomeView(
            TalkingTherapiesOutcome.Standing standing,
            int attendedTreatmentContacts,
            @Nullable TalkingTherapiesScoresView first,
            @Nullable TalkingTherapiesScoresView last,
            @Nullable Boolean caseAtStart,
            @Nullable Boolean caseAtEnd,
            TalkingTherapiesOutcome.@Nullable Recovery recovery,
            @Nullable Boolean reliableImprovement,
            @Nullable Boolean reliableDeterioration,
            TalkingTherapiesOutcome.@Nullable Recovery reliableRecovery) {

        static TalkingTherapiesOutcomeView of(TalkingTherapiesOutcome outcome) {
            return new TalkingTherapiesOutcomeView(
                    outcome.standing(),
                    outcome.attendedTreatmentContacts(),
                    TalkingTherapiesScoresView.of(outcome.first()),
                    TalkingTherapiesScoresView.of(outcome.last()),
                    outcome.caseAtStart(),
                    outcome.caseAtEnd(),
                    outcome.recovery(),
                    outcome.reliableImprovement(),
                    outcome.reliableDeterioration(),
                    outcome.reliableRecovery());
        }
    }

    /** The PHQ-9 and GAD-7 scores at one end of an episode. */
    record TalkingTherapiesScoresView(double phq9, double gad7) {

        static @Nullable TalkingTherapiesScoresView of(TalkingTherapiesOutcome.@Nullable Scores scores) {
            return scores == null ? null : new TalkingTherapiesScoresView(scores.phq9(), scores.gad7());
        }
    }
}

package org.trackwell.outcomes.internal;

import org.jspecify.annotations.Nullable;

/**
 * A client whose scores on a measure, after three or more scored sessions in the episode, are worse
 * than expected. No published expected-recovery curve is built in (docs/outcomes.md says why), so
 * worse than expected is a reliable deterioration from the episode's first score, by the measure's
 * reliable change threshold; measures without one never raise the flag.
 *
 * @param reason why the flag is set, in words
 */
public record NotOnTrack(String measure, double baseline, double latest, int scoredSessions, String reason) {

    static final int AFTER_SCORED_SESSIONS = 3;

    static @Nullable NotOnTrack of(Measure measure, double baseline, double latest, int scoredSessions) {
        Double threshold = measure.reliableChange();
        if (scoredSessions < AFTER_SCORED_SESSIONS
                || threshold == null
                || !Change.between(measure, baseline, latest).reliableDeterioration()) {
            return null;
        }
        String reason = measure.id() + " is " + MeasureRules.plain(Math.abs(latest - baseline))
                + " points worse than at the start of this episode (" + MeasureRules.plain(baseline) + ", now "
                + MeasureRules.plain(latest) + ") after " + scoredSessions + " scored sessions; "
                + MeasureRules.plain(threshold) + " points is a reliable deterioration.";
        return new NotOnTrack(measure.id(), baseline, latest, scoredSessions, reason);
    }
}

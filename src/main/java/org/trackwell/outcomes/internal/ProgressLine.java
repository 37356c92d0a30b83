package org.trackwell.outcomes.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RiskLevel;

/**
 * A caseload line with progress at a glance, all from the client's current episode: the primary
 * measure's latest score and band, the traffic light and percentage change from the episode's first
 * score, a risk-answer marker, the NHS Talking Therapies outcome and the not-on-track flag; and,
 * from every episode, the client's risk rating and a not-seen flag.
 */
public record ProgressLine(
        UUID clientId,
        PseudonymCode code,
        UUID teamId,
        RiskLevel risk,
        boolean riskAnswer,
        String primaryMeasure,
        @Nullable Double latest,
        @Nullable String band,
        @Nullable Change change,
        @Nullable TalkingTherapiesOutcome talkingTherapies,
        @Nullable NotOnTrack notOnTrack,
        @Nullable LocalDate lastSeen,
        NotSeen notSeen) {

    /** How long since the client last attended, against the tenant's two thresholds. */
    public enum NotSeen {
        RECENTLY,
        WARNING,
        ALERT
    }
}

package org.trackwell.outcomes;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RiskLevel;

/**
 * A caseload line with progress at a glance: the primary measure's latest score and band, the
 * traffic light and percentage change from the first score, a risk marker and a not-seen flag.
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
        @Nullable LocalDate lastSeen,
        NotSeen notSeen) {

    /** How long since the client last attended, against the tenant's two thresholds. */
    public enum NotSeen {
        RECENTLY,
        WARNING,
        ALERT
    }
}

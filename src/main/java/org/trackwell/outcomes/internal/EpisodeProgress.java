package org.trackwell.outcomes.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One episode of care's progress. Baselines, changes, the NHS Talking Therapies outcome and the
 * not-on-track flag all belong to the episode: a session belongs to the episode it was recorded
 * in, and the first score in the episode is its baseline.
 */
public record EpisodeProgress(
        UUID episodeId,
        LocalDate referredOn,
        @Nullable LocalDate closedOn,
        List<MeasureProgress> measures,
        TalkingTherapiesOutcome talkingTherapies,
        @Nullable NotOnTrack notOnTrack) {

    public EpisodeProgress {
        measures = List.copyOf(measures);
    }

    public boolean open() {
        return closedOn == null;
    }
}

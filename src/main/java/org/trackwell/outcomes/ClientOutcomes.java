package org.trackwell.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.ClientRef;

/**
 * A client's outcomes at a glance, for a summary another module prints: each episode's measures
 * with their first and latest scores and the reliable change between them, the NHS Talking
 * Therapies outcome, and the goals and problems with their first and latest ratings. The caller
 * records the read.
 */
public interface ClientOutcomes {

    /**
     * One measure's scores in an episode.
     *
     * @param band the latest score's severity band, if the measure has bands
     * @param change the reliable change from the first score to the latest, in words
     */
    record MeasureScores(
            String measure,
            LocalDate firstOn,
            double first,
            LocalDate latestOn,
            double latest,
            @Nullable String band,
            String change) {}

    /** One episode of care, the current one first. */
    record EpisodeScores(
            UUID episodeId,
            LocalDate referredOn,
            @Nullable LocalDate closedOn,
            List<MeasureScores> measures,
            String talkingTherapies) {}

    /**
     * A goal or a problem in the client's words, with its first and latest ratings (0 to 10).
     *
     * @param kind "Goal" or "Problem"
     */
    record GoalRatings(
            String kind,
            String wording,
            boolean open,
            @Nullable Integer first,
            @Nullable Integer latest) {}

    record Summary(List<EpisodeScores> episodes, List<GoalRatings> goals) {}

    Summary of(ClientRef client);
}

package org.trackwell.outcomes.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A goal or a problem in the client's own words, with every earlier wording kept, and its ratings
 * session by session (0 to 10: progress towards a goal, or how much a problem troubles the client).
 */
public record Goal(
        UUID id,
        Kind kind,
        String wording,
        List<Wording> earlierWordings,
        @Nullable ProblemDuration duration,
        Instant openedAt,
        @Nullable Instant closedAt,
        List<Rating> ratings) {

    public Goal {
        earlierWordings = List.copyOf(earlierWordings);
        ratings = List.copyOf(ratings);
    }

    public boolean open() {
        return closedAt == null;
    }

    public enum Kind {
        GOAL,
        PROBLEM
    }

    /** How long the client has had a problem. */
    public enum ProblemDuration {
        UNDER_A_MONTH,
        ONE_TO_SIX_MONTHS,
        SIX_TO_TWELVE_MONTHS,
        ONE_TO_FIVE_YEARS,
        OVER_FIVE_YEARS
    }

    public record Wording(String text, Instant writtenAt) {}

    public record Rating(UUID sessionId, Instant sessionAt, int rating, CompletedBy by) {}

    @Override
    public String toString() {
        return "Goal[" + id + "]";
    }
}

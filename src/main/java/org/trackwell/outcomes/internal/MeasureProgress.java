package org.trackwell.outcomes.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One measure's scores for a client in one episode, session by session, and the change from the
 * episode's first score to its last.
 */
public record MeasureProgress(
        Measure measure, List<Point> points, @Nullable Change change) {

    public MeasureProgress {
        points = List.copyOf(points);
    }

    /** A scored answer at a session. */
    public record Point(
            UUID sessionId,
            Instant at,
            double total,
            @Nullable String band,
            boolean risk,
            CompletedBy by) {}
}

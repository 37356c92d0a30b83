package org.trackwell.outcomes.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A measure answered at a session, with its score as the measure's version scored it. */
public record MeasureAdministration(
        UUID id,
        UUID sessionId,
        String measureId,
        int measureVersion,
        @Nullable Double total,
        @Nullable String band,
        @Nullable Boolean isCase,
        boolean risk,
        Map<String, Integer> answers,
        CompletedBy completedBy,
        Instant recordedAt) {

    public MeasureAdministration {
        answers = Map.copyOf(answers);
    }
}

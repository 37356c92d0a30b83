package org.trackwell.outcomes.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.outcomes.internal.CompletedBy;
import org.trackwell.outcomes.internal.MeasureAdministration;

/** A measure answered at a session, with its score, as the API shows it. */
record MeasureAdministrationView(
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

    static MeasureAdministrationView of(MeasureAdministration answered) {
        return new MeasureAdministrationView(
                answered.id(),
                answered.sessionId(),
                answered.measureId(),
                answered.measureVersion(),
                answered.total(),
                answered.band(),
                answered.isCase(),
                answered.risk(),
                answered.answers(),
                answered.completedBy(),
                answered.recordedAt());
    }
}

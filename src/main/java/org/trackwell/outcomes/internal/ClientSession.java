package org.trackwell.outcomes.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.UserId;

/** An appointment or session in an episode, with the measures planned and those answered. */
public record ClientSession(
        UUID id,
        UUID episodeId,
        Instant startsAt,
        UserId practitioner,
        String type,
        SessionMode mode,
        @Nullable Attendance attendance,
        List<String> plannedMeasures,
        @Nullable String notes,
        List<MeasureAdministration> measures) {

    public ClientSession {
        plannedMeasures = List.copyOf(plannedMeasures);
        measures = List.copyOf(measures);
    }

    @Override
    public String toString() {
        return "ClientSession[" + id + "]";
    }
}

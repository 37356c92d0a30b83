package org.trackwell.outcomes.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.UserId;

/**
 * A session to record or plan.
 *
 * @param practitioner who holds it; the signed-in user when absent
 * @param measures the measures planned; the session type's when absent
 */
public record NewSession(
        Instant startsAt,
        String type,
        SessionMode mode,
        @Nullable Attendance attendance,
        @Nullable UserId practitioner,
        @Nullable List<String> measures,
        @Nullable String notes,
        boolean acknowledgeIdentifying) {}

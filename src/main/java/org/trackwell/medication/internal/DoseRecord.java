package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.UserId;

/**
 * A dose given or not given, by whom and when. A correction is a record of its own that names the
 * one it corrects and says why; both stay on the record.
 *
 * @param dueAt the scheduled time it answers; none for an as-needed dose
 */
public record DoseRecord(
        UUID id,
        UUID prescriptionId,
        @Nullable Instant dueAt,
        Outcome outcome,
        @Nullable NotGivenReason reason,
        @Nullable BigDecimal amount,
        Instant givenAt,
        @Nullable String note,
        UserId recordedBy,
        @Nullable UserId witness,
        @Nullable String overrideReason,
        @Nullable UUID corrects,
        @Nullable String correctionReason,
        Instant recordedAt) {

    public enum Outcome {
        GIVEN,
        NOT_GIVEN
    }

    /** What the MAR chart shows for it: G for given, else the reason's letter. */
    public String code() {
        return outcome == Outcome.GIVEN ? "G" : reason == null ? "O" : reason.code();
    }

    @Override
    public String toString() {
        return "DoseRecord[" + id + "]";
    }
}

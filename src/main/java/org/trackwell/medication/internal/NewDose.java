package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A dose to record.
 *
 * @param prescriptionId the prescription it is for; none in a correction, which keeps the original's
 * @param dueAt the scheduled time it answers; none for an as-needed dose
 * @param amount what was given; the prescribed dose when absent
 * @param givenAt when; now when absent
 * @param witness for a controlled drug given: the second member of staff, confirming on the spot
 * @param overrideReason why an as-needed dose is given inside its limits' refusal
 * @param acknowledgeIdentifying the user has seen that the note or reason looks identifying and means it
 * @param personConfirmed the carer has checked they are with the right person, by what the round
 *     shows; a new record is refused without it
 */
public record NewDose(
        @Nullable UUID prescriptionId,
        @Nullable Instant dueAt,
        DoseRecord.Outcome outcome,
        @Nullable NotGivenReason reason,
        @Nullable BigDecimal amount,
        @Nullable Instant givenAt,
        @Nullable String note,
        @Nullable Witness witness,
        @Nullable String overrideReason,
        boolean acknowledgeIdentifying,
        boolean personConfirmed) {}

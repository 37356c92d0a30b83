package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A prescription to start, as transcribed from the prescriber's instruction.
 *
 * @param acknowledgeIdentifying the user has seen that its free text looks identifying and means it
 */
public record NewPrescription(
        UUID medicineId,
        BigDecimal dose,
        String unit,
        @Nullable String route,
        @Nullable String instructions,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        String prescriber,
        Prescription.Kind kind,
        @Nullable DoseSchedule schedule,
        Prescription.@Nullable Prn prn,
        boolean timeCritical,
        @Nullable Integer toleranceMinutes,
        boolean acknowledgeIdentifying) {}

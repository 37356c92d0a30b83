package org.trackwell.medication;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A medicine prescribed for a client: regular on a schedule, or as needed (PRN) within its limits.
 * A change stops it and starts a new one that names it; a prescription is never rewritten.
 */
public record Prescription(
        UUID id,
        UUID clientId,
        Medicine medicine,
        BigDecimal dose,
        String unit,
        String route,
        @Nullable String instructions,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        String prescriber,
        Kind kind,
        @Nullable DoseSchedule schedule,
        @Nullable Prn prn,
        boolean timeCritical,
        @Nullable Integer toleranceMinutes,
        @Nullable UUID replaces,
        @Nullable Instant stoppedAt,
        @Nullable String stopReason) {

    public enum Kind {
        REGULAR,
        PRN
    }

    /**
     * As-needed limits: what it is for, the dose range, the least time between doses and the most
     * doses in any 24 hours.
     */
    public record Prn(
            String indication, BigDecimal minDose, BigDecimal maxDose, int minIntervalMinutes, int maxDosesPerDay) {}

    public boolean active() {
        return stoppedAt == null;
    }

    /** How long either side of the due time a dose counts as on time. */
    public Duration tolerance(MedicationSettings settings) {
        return Duration.ofMinutes(
                timeCritical && toleranceMinutes != null ? toleranceMinutes : settings.toleranceMinutes());
    }
}

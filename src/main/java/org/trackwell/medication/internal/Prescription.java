package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
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
        Instant writtenAt,
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

    /** The limits of an as-needed prescription, which always has them. */
    public Prn limits() {
        return Objects.requireNonNull(prn, "an as-needed prescription has its limits");
    }

    public boolean active() {
        return stoppedAt == null;
    }

    /**
     * The regular doses due from {@code from} until {@code to}. None is due before the
     * prescription was written, even when it starts on an earlier day (a prescription written at
     * 14:00 has no 08:00 dose that day to miss), and none from the moment it was stopped.
     */
    public List<DoseSchedule.Due> dueBetween(Instant from, Instant to, ZoneId zone) {
        if (schedule == null) {
            return List.of();
        }
        Instant start = from.isBefore(writtenAt) ? writtenAt : from;
        Instant end = stoppedAt != null && stoppedAt.isBefore(to) ? stoppedAt : to;
        return start.isBefore(end) ? schedule.dueBetween(startsOn, endsOn, dose, start, end, zone) : List.of();
    }

    /** How long either side of the due time a dose counts as on time. */
    public Duration tolerance(MedicationSettings settings) {
        return Duration.ofMinutes(
                timeCritical && toleranceMinutes != null ? toleranceMinutes : settings.toleranceMinutes());
    }
}

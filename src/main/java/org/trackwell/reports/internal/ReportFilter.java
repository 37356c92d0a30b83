package org.trackwell.reports.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.reports.ReportRefused;

/**
 * What the outcomes report covers: a period of whole days (both ends included, in the service's
 * time zone), and optionally one team, one practitioner's allocated clients, one measure for the
 * mean change and data completeness, episodes at one stage, and (for the medication reports) one
 * medicine.
 */
public record ReportFilter(
        LocalDate from,
        LocalDate to,
        @Nullable UUID team,
        @Nullable UUID practitioner,
        @Nullable String measure,
        @Nullable EpisodeStage stage,
        @Nullable UUID medicine) {

    static final Period LONGEST = Period.ofYears(10);

    /** Whether the report covers the medicine: every medicine when it names none. */
    public boolean covers(UUID medicineId) {
        return medicine == null || medicine.equals(medicineId);
    }

    /** The filter a request gives, the last three months up to today where it leaves the period out. */
    public static ReportFilter of(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable UUID team,
            @Nullable UUID practitioner,
            @Nullable String measure,
            @Nullable EpisodeStage stage,
            @Nullable UUID medicine,
            LocalDate today) {
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusMonths(3).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw new ReportRefused("The period must start on or before its last day.");
        }
        if (start.plus(LONGEST).isBefore(end)) {
            throw new ReportRefused("A report covers at most 10 years.");
        }
        String chosen = measure == null || measure.isBlank() ? null : measure.strip();
        return new ReportFilter(start, end, team, practitioner, chosen, stage, medicine);
    }
}

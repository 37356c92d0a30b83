package org.trackwell.medication.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A month of the medication administration record as a grid: one row per prescription and time of
 * day (one row for an as-needed medicine), one column per day. Cells hold the recorded codes: G
 * for given, the reason's letter for not given, M for missed, a dot for due and not yet
 * recorded, the number of doses for as-needed rows, and nothing when nothing was due.
 */
public record MarChart(YearMonth month, List<LocalDate> days, List<Row> rows, Adherence adherence) {

    public record Row(Prescription prescription, @Nullable LocalTime time, List<String> cells) {}

    /**
     * What happened to the doses due in a period.
     *
     * @param percent doses given as a share of doses due, when any were due
     */
    public record Adherence(
            int due,
            int given,
            int notGiven,
            int refused,
            int missed,
            int asNeededGiven,
            @Nullable Double percent) {

        static Adherence of(int due, int given, int notGiven, int refused, int missed, int asNeeded) {
            return new Adherence(
                    due,
                    given,
                    notGiven,
                    refused,
                    missed,
                    asNeeded,
                    due == 0 ? null : Math.round(given * 1000.0 / due) / 10.0);
        }

        Adherence plus(Adherence other) {
            return of(
                    due + other.due,
                    given + other.given,
                    notGiven + other.notGiven,
                    refused + other.refused,
                    missed + other.missed,
                    asNeededGiven + other.asNeededGiven);
        }
    }
}

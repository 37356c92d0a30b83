package org.trackwell.reports.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The outcomes report's figures for one filter (docs/reports.md defines each). */
public record OutcomeFigures(
        ReportFilter filter,
        Map<Figure, Integer> counts,
        List<Rate> rates,
        Completeness completeness,
        List<Wait> waits,
        List<MeasureChange> changes) {

    public int count(Figure figure) {
        return counts.getOrDefault(figure, 0);
    }

    /** A share of episodes: those counted by {@code figure} out of those counted by {@code of}. */
    public record Rate(
            String label,
            Figure figure,
            Figure of,
            int count,
            int out,
            @Nullable Double percent) {

        static Rate of(String label, Figure figure, Figure of, int count, int out) {
            return new Rate(label, figure, of, count, out, share(count, out));
        }
    }

    /** Attended sessions in the period, and how many of them had paired scores. */
    public record Completeness(
            int paired, int attended, @Nullable Double percent) {

        static Completeness of(int paired, int attended) {
            return new Completeness(paired, attended, share(paired, attended));
        }
    }

    /** A wait in days, averaged over the episodes {@code figure} counts: those that reached its end in the period. */
    public record Wait(
            String label,
            Figure figure,
            int episodes,
            @Nullable Double meanDays) {}

    /**
     * A measure's mean first and last score, and the mean change (last minus first, to one
     * decimal), over the closed episodes scored on it twice or more.
     */
    public record MeasureChange(
            String measure, String title, int episodes, double meanFirst, double meanLast, double meanChange) {

        static MeasureChange of(String measure, String title, int episodes, double meanFirst, double meanLast) {
            return new MeasureChange(
                    measure, title, episodes, meanFirst, meanLast, Math.round((meanLast - meanFirst) * 10) / 10.0);
        }
    }

    private static @Nullable Double share(int count, int out) {
        return out == 0 ? null : Math.round(count * 1000.0 / out) / 10.0;
    }
}

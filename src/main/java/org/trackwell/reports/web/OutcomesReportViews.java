package org.trackwell.reports.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.reports.internal.Figure;
import org.trackwell.reports.internal.OutcomeFigures;
import org.trackwell.reports.internal.OutcomesReport;
import org.trackwell.reports.internal.ReportFilter;

/** The outcomes report as the API shows it. */
final class OutcomesReportViews {

    private OutcomesReportViews() {}

    /** The filters a report was made with: the period (both days included) and what it was narrowed to. */
    record ReportFilterView(
            LocalDate from,
            LocalDate to,
            @Nullable UUID team,
            @Nullable UUID practitioner,
            @Nullable String measure,
            @Nullable EpisodeStage stage,
            @Nullable UUID medicine) {

        static ReportFilterView of(ReportFilter filter) {
            return new ReportFilterView(
                    filter.from(),
                    filter.to(),
                    filter.team(),
                    filter.practitioner(),
                    filter.measure(),
                    filter.stage(),
                    filter.medicine());
        }
    }

    /** A share of episodes: those counted by {@code figure} out of those counted by {@code of}. */
    record RateView(
            String label,
            Figure figure,
            Figure of,
            int count,
            int out,
            @Nullable Double percent) {

        static RateView of(OutcomeFigures.Rate rate) {
            return new RateView(rate.label(), rate.figure(), rate.of(), rate.count(), rate.out(), rate.percent());
        }
    }

    /** Attended sessions in the period, and how many of them had paired scores. */
    record CompletenessView(
            int paired, int attended, @Nullable Double percent) {

        static CompletenessView of(OutcomeFigures.Completeness completeness) {
            return new CompletenessView(completeness.paired(), completeness.attended(), completeness.percent());
        }
    }

    /** A wait in days, averaged over the episodes {@code figure} counts. */
    record WaitView(
            String label,
            Figure figure,
            int episodes,
            @Nullable Double meanDays) {

        static WaitView of(OutcomeFigures.Wait wait) {
            return new WaitView(wait.label(), wait.figure(), wait.episodes(), wait.meanDays());
        }
    }

    /** A measure's mean first and last score and the mean change over the closed episodes scored twice or more. */
    record MeasureChangeView(
            String measure, String title, int episodes, double meanFirst, double meanLast, double meanChange) {

        static MeasureChangeView of(OutcomeFigures.MeasureChange change) {
            return new MeasureChangeView(
                    change.measure(),
                    change.title(),
                    change.episodes(),
                    change.meanFirst(),
                    change.meanLast(),
                    change.meanChange());
        }
    }

    /** One episode behind a figure, its client as the pseudonym code people see. */
    record EpisodeEntryView(
            String client,
            String team,
            String stage,
            LocalDate referredOn,
            @Nullable LocalDate firstContact,
            @Nullable LocalDate closedOn,
            int treatmentContacts,
            String outcome) {

        static EpisodeEntryView of(OutcomesReport.EpisodeEntry entry) {
            return new EpisodeEntryView(
                    entry.client(),
                    entry.team(),
                    entry.stage(),
                    entry.referredOn(),
                    entry.firstContact(),
                    entry.closedOn(),
                    entry.treatmentContacts(),
                    entry.outcome());
        }
    }
}

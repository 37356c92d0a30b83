package org.trackwell.reports.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.medication.CurrentMedication;
import org.trackwell.outcomes.ClientOutcomes;
import org.trackwell.reports.internal.ClientSummaries;

/** The client summary as the API shows it, the same as the page. */
record ClientSummaryReportView(
        String code,
        Map<String, String> identifiers,
        LocalDate on,
        List<SummaryEpisodeView> episodes,
        List<GoalRatingsView> goals,
        List<SummaryMedicineView> medication,
        LocalDate adherenceFrom) {

    static ClientSummaryReportView of(ClientSummaries.Summary summary) {
        return new ClientSummaryReportView(
                summary.code(),
                summary.identifiers(),
                summary.on(),
                summary.episodes().stream().map(SummaryEpisodeView::of).toList(),
                summary.goals().stream().map(GoalRatingsView::of).toList(),
                summary.medication().stream().map(SummaryMedicineView::of).toList(),
                summary.adherenceFrom());
    }

    /** One episode of care in words, with its scores; the current one first. */
    record SummaryEpisodeView(String stage, EpisodeScoresView scores) {

        static SummaryEpisodeView of(ClientSummaries.EpisodeLine line) {
            return new SummaryEpisodeView(line.stage(), EpisodeScoresView.of(line.scores()));
        }
    }

    record EpisodeScoresView(
            UUID episodeId,
            LocalDate referredOn,
            @Nullable LocalDate closedOn,
            List<MeasureScoresView> measures,
            String talkingTherapies) {

        static EpisodeScoresView of(ClientOutcomes.EpisodeScores scores) {
            return new EpisodeScoresView(
                    scores.episodeId(),
                    scores.referredOn(),
                    scores.closedOn(),
                    scores.measures().stream().map(MeasureScoresView::of).toList(),
                    scores.talkingTherapies());
        }
    }

    /** One measure's first and latest scores in an episode, and the reliable change between them in words. */
    record MeasureScoresView(
            String measure,
            LocalDate firstOn,
            double first,
            LocalDate latestOn,
            double latest,
            @Nullable String band,
            String change) {

        static MeasureScoresView of(ClientOutcomes.MeasureScores scores) {
            return new MeasureScoresView(
                    scores.measure(),
                    scores.firstOn(),
                    scores.first(),
                    scores.latestOn(),
                    scores.latest(),
                    scores.band(),
                    scores.change());
        }
    }

    /** A goal or a problem ({@code kind}) in the client's words, with its first and latest ratings. */
    record GoalRatingsView(
            String kind,
            String wording,
            boolean open,
            @Nullable Integer first,
            @Nullable Integer latest) {

        static GoalRatingsView of(ClientOutcomes.GoalRatings ratings) {
            return new GoalRatingsView(
                    ratings.kind(), ratings.wording(), ratings.open(), ratings.first(), ratings.latest());
        }
    }

    /** A current prescription and the client's adherence to it since {@code adherenceFrom}. */
    record SummaryMedicineView(PrescribedView prescribed, String adherence) {

        static SummaryMedicineView of(ClientSummaries.MedicineLine line) {
            return new SummaryMedicineView(PrescribedView.of(line.prescribed()), line.adherence());
        }
    }

    record PrescribedView(
            UUID medicineId,
            String medicine,
            String dose,
            String how,
            LocalDate startsOn,
            @Nullable LocalDate endsOn,
            String prescriber) {

        static PrescribedView of(CurrentMedication.Prescribed prescribed) {
            return new PrescribedView(
                    prescribed.medicineId(),
                    prescribed.medicine(),
                    prescribed.dose(),
                    prescribed.how(),
                    prescribed.startsOn(),
                    prescribed.endsOn(),
                    prescribed.prescriber());
        }
    }
}

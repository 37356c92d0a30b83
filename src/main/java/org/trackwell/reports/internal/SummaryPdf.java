package org.trackwell.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trackwell.medication.CurrentMedication.Prescribed;
import org.trackwell.outcomes.ClientOutcomes.EpisodeScores;
import org.trackwell.outcomes.ClientOutcomes.GoalRatings;
import org.trackwell.outcomes.ClientOutcomes.MeasureScores;
import org.trackwell.reports.internal.ClientSummaries.EpisodeLine;
import org.trackwell.reports.internal.ClientSummaries.MedicineLine;
import org.trackwell.reports.internal.ClientSummaries.Summary;
import org.trackwell.shared.SectionedPdf;
import org.trackwell.shared.SectionedPdf.Section;

/** The client summary printed: the page's sections, in the same words. */
public final class SummaryPdf {

    private SummaryPdf() {}

    public static byte[] of(Summary summary) {
        List<Section> sections = new ArrayList<>();
        List<String> client = new ArrayList<>();
        summary.identifiers().forEach((name, value) -> client.add(name + ": " + value));
        client.add("Summary as at " + Cells.DAY.format(summary.on()) + ".");
        sections.add(new Section("Client " + summary.code(), client));
        if (summary.showsOutcomes()) {
            for (EpisodeLine episode : summary.episodes()) {
                sections.add(new Section(heading(episode.scores()), episodeLines(episode)));
            }
            if (summary.episodes().isEmpty()) {
                sections.add(new Section("Episodes", List.of("No episodes of care.")));
            }
            sections.add(new Section("Goals and problems", goalLines(summary.goals())));
        }
        if (summary.showsMedication()) {
            sections.add(new Section(
                    "Current medication, and doses given since " + Cells.DAY.format(summary.adherenceFrom()),
                    medicineLines(summary.medication())));
        }
        return SectionedPdf.of("Client summary: " + summary.code(), sections);
    }

    private static String heading(EpisodeScores episode) {
        LocalDate closed = episode.closedOn();
        return "Episode referred on " + Cells.DAY.format(episode.referredOn())
                + (closed == null ? ", open" : ", closed on " + Cells.DAY.format(closed));
    }

    private static List<String> episodeLines(EpisodeLine episode) {
        List<String> lines = new ArrayList<>();
        lines.add("Stage: " + episode.stage());
        for (MeasureScores measure : episode.scores().measures()) {
            lines.add(measure(measure));
        }
        if (episode.scores().measures().isEmpty()) {
            lines.add("No scores in this episode.");
        }
        lines.add("NHS Talking Therapies outcome: " + episode.scores().talkingTherapies());
        return lines;
    }

    /** A score as people write it: 18, or 12.5, never 18.0. */
    public static String score(double total) {
        return Cells.text(total);
    }

    static String measure(MeasureScores measure) {
        String band = measure.band();
        return measure.measure() + ": first " + score(measure.first()) + " on "
                + Cells.DAY.format(measure.firstOn()) + ", latest " + score(measure.latest()) + " on "
                + Cells.DAY.format(measure.latestOn()) + (band == null ? "" : " (" + band + ")") + ". "
                + measure.change() + ".";
    }

    private static List<String> goalLines(List<GoalRatings> goals) {
        if (goals.isEmpty()) {
            return List.of("No goals or problems recorded.");
        }
        return goals.stream()
                .map(goal -> goal.kind() + (goal.open() ? "" : " (closed)") + ": " + goal.wording() + ". "
                        + ratings(goal.first(), goal.latest()))
                .toList();
    }

    static String ratings(@Nullable Integer first, @Nullable Integer latest) {
        return first == null || latest == null
                ? "Not rated yet."
                : "First rated " + first + " of 10, latest " + latest + " of 10.";
    }

    private static List<String> medicineLines(List<MedicineLine> medication) {
        if (medication.isEmpty()) {
            return List.of("No medicines prescribed today.");
        }
        return medication.stream()
                .map(line -> {
                    Prescribed p = line.prescribed();
                    return p.medicine() + ": " + p.dose() + ". " + p.how() + ", since "
                            + Cells.DAY.format(p.startsOn()) + ", prescribed by " + p.prescriber() + ". "
                            + line.adherence() + ".";
                })
                .toList();
    }
}

package org.trackwell.reports.internal;

import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.trackwell.outcomes.TalkingTherapies;
import org.trackwell.outcomes.TalkingTherapies.EpisodeOutcome;
import org.trackwell.reports.internal.OutcomeFigures.Completeness;
import org.trackwell.reports.internal.OutcomeFigures.MeasureChange;
import org.trackwell.reports.internal.OutcomeFigures.Rate;
import org.trackwell.reports.internal.OutcomeFigures.Wait;

/** Adds up episodes as the query returns them, holding only the running totals. */
final class FigureTally {

    private final ReportFilter filter;
    private final TalkingTherapies.Definitions definitions;
    private final Map<Figure, Integer> counts = new EnumMap<>(Figure.class);
    private int attended;
    private int paired;
    private int firstWaits;
    private long firstWaitDays;
    private int secondWaits;
    private long secondWaitDays;

    FigureTally(ReportFilter filter, TalkingTherapies.Definitions definitions) {
        this.filter = filter;
        this.definitions = definitions;
        for (Figure figure : Figure.values()) {
            counts.put(figure, 0);
        }
    }

    void add(EpisodeLine line) {
        EpisodeOutcome outcome = outcome(definitions, line);
        for (Figure figure : Figure.values()) {
            if (figure.counts(line, outcome, filter)) {
                counts.merge(figure, 1, Integer::sum);
            }
        }
        attended += line.attendedInPeriod();
        paired += line.pairedInPeriod();
        if (line.firstContact() != null && Figure.within(line.firstContact(), filter)) {
            firstWaits++;
            firstWaitDays += ChronoUnit.DAYS.between(line.referredOn(), line.firstContact());
        }
        if (line.firstContact() != null
                && line.secondContact() != null
                && Figure.within(line.secondContact(), filter)) {
            secondWaits++;
            secondWaitDays += ChronoUnit.DAYS.between(line.firstContact(), line.secondContact());
        }
    }

    OutcomeFigures figures(List<MeasureChange> changes) {
        return new OutcomeFigures(
                filter,
                Map.copyOf(counts),
                List.of(
                        rate("Recovery rate", Figure.RECOVERED, Figure.CASE_AT_START),
                        rate("Reliable improvement rate", Figure.RELIABLE_IMPROVEMENT, Figure.MEASURED),
                        rate("Reliable recovery rate", Figure.RELIABLE_RECOVERY, Figure.CASE_AT_START),
                        rate("Reliable deterioration rate", Figure.RELIABLE_DETERIORATION, Figure.MEASURED)),
                Completeness.of(paired, attended),
                List.of(
                        new Wait(
                                "Referral to first attended session",
                                Figure.OPENED,
                                firstWaits,
                                mean(firstWaitDays, firstWaits)),
                        new Wait(
                                "First to second attended session",
                                Figure.SECOND_SESSION,
                                secondWaits,
                                mean(secondWaitDays, secondWaits))),
                changes);
    }

    static EpisodeOutcome outcome(TalkingTherapies.Definitions definitions, EpisodeLine line) {
        return definitions.of(line.treatmentContacts(), line.depression(), line.anxiety());
    }

    private Rate rate(String label, Figure figure, Figure of) {
        return Rate.of(label, figure, of, counts.getOrDefault(figure, 0), counts.getOrDefault(of, 0));
    }

    private static @Nullable Double mean(long total, int count) {
        return count == 0 ? null : Math.round(total * 10.0 / count) / 10.0;
    }
}

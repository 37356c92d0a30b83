package org.trackwell.reports.web;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.reports.ReportRefused;
import org.trackwell.reports.internal.Figure;
import org.trackwell.reports.internal.ReportFilter;
import org.trackwell.shared.ServiceTimeZone;

/** The outcomes report's filters as a query or form sends them, and the figure to list, if any. */
record ReportRequest(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable UUID team,
        @Nullable UUID practitioner,
        @Nullable @Size(max = 40) String measure,
        @Nullable EpisodeStage stage,
        @Nullable @Size(max = 40) String figure) {

    ReportFilter filter(Clock clock, ServiceTimeZone zone) {
        return ReportFilter.of(
                from, to, team, practitioner, measure, stage, null, LocalDate.now(clock.withZone(zone.zone())));
    }

    Figure requireFigure() {
        if (figure == null || figure.isBlank()) {
            throw new ReportRefused("Choose the figure whose episodes to list.");
        }
        return Figure.byKey(figure.strip())
                .orElseThrow(() -> new ReportRefused("There is no figure called " + figure.strip() + "."));
    }

    /** The figure named, if one is. */
    @Nullable
    Figure chosenFigure() {
        if (figure == null || figure.isBlank()) {
            return null;
        }
        return Figure.byKey(figure.strip())
                .orElseThrow(() -> new ReportRefused("There is no figure called " + figure.strip() + "."));
    }
}

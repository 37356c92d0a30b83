package org.trackwell.reports.web;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.reports.internal.MedicationReport.Grouping;
import org.trackwell.reports.internal.ReportFilter;
import org.trackwell.shared.ServiceTimeZone;

/** The medication reports' filters as a query or form sends them: the period, a team, a medicine, and what adherence is by. */
record MedicationReportRequest(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable UUID team,
        @Nullable @Size(max = 20) String by,
        @Nullable UUID medicine) {

    ReportFilter filter(Clock clock, ServiceTimeZone zone) {
        return ReportFilter.of(from, to, team, null, null, null, medicine, LocalDate.now(clock.withZone(zone.zone())));
    }

    Grouping grouping() {
        return Grouping.named(by);
    }
}

package org.trackwell.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.internal.Figure;
import org.trackwell.reports.internal.OutcomeFigures;
import org.trackwell.reports.internal.OutcomesReport;
import org.trackwell.reports.web.OutcomesReportViews.CompletenessView;
import org.trackwell.reports.web.OutcomesReportViews.EpisodeEntryView;
import org.trackwell.reports.web.OutcomesReportViews.MeasureChangeView;
import org.trackwell.reports.web.OutcomesReportViews.RateView;
import org.trackwell.reports.web.OutcomesReportViews.ReportFilterView;
import org.trackwell.reports.web.OutcomesReportViews.WaitView;
import org.trackwell.shared.ServiceTimeZone;

/** The outcomes report through the API: its figures, the episodes behind one, and downloads. */
@RestController
@RequestMapping("/api/v1/reports/outcomes")
class OutcomesReportApi {

    private final OutcomesReport report;
    private final ReportDownloads downloads;
    private final Clock clock;
    private final ServiceTimeZone zone;

    OutcomesReportApi(OutcomesReport report, ReportDownloads downloads, Clock clock, ServiceTimeZone zone) {
        this.report = report;
        this.downloads = downloads;
        this.clock = clock;
        this.zone = zone;
    }

    record Count(String figure, String label, int episodes) {}

    record Report(
            ReportFilterView filter,
            List<Count> counts,
            List<RateView> rates,
            CompletenessView completeness,
            List<WaitView> waits,
            List<MeasureChangeView> changes) {}

    /** A download: the figures, or the episodes behind {@code figure}; a password only for XLSX. */
    record ExportRequest(
            @NotBlank @Size(max = 10) String format,
            @Nullable @Size(max = 200) String password,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable UUID team,
            @Nullable UUID practitioner,
            @Nullable @Size(max = 40) String measure,
            @Nullable EpisodeStage stage,
            @Nullable @Size(max = 40) String figure) {

        @Override
        public String toString() {
            return "ExportRequest[format=" + format + ", password=***]";
        }

        ReportRequest report() {
            return new ReportRequest(from, to, team, practitioner, measure, stage, figure);
        }
    }

    @GetMapping
    Report figures(
            @AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute @ParameterObject ReportRequest request) {
        OutcomeFigures figures = report.figures(user, request.filter(clock, zone));
        return new Report(
                ReportFilterView.of(figures.filter()),
                Arrays.stream(Figure.values())
                        .map(f -> new Count(f.key(), f.label(), figures.count(f)))
                        .toList(),
                figures.rates().stream().map(RateView::of).toList(),
                CompletenessView.of(figures.completeness()),
                figures.waits().stream().map(WaitView::of).toList(),
                figures.changes().stream().map(MeasureChangeView::of).toList());
    }

    @GetMapping("/episodes")
    List<EpisodeEntryView> episodes(
            @AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute @ParameterObject ReportRequest request) {
        return report.episodes(user, request.filter(clock, zone), request.requireFigure()).stream()
                .map(EpisodeEntryView::of)
                .toList();
    }

    @PostMapping("/export")
    void export(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody ExportRequest body,
            HttpServletResponse response) {
        ReportRequest request = body.report();
        downloads.download(
                user, request.filter(clock, zone), request.chosenFigure(), body.format(), body.password(), response);
    }
}

package org.trackwell.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
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
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.internal.AsNeededReport;
import org.trackwell.reports.internal.MedicationReport;
import org.trackwell.reports.internal.ReportFilter;
import org.trackwell.reports.internal.StockReport;
import org.trackwell.reports.web.MedicationReportViews.AsNeededUseView;
import org.trackwell.reports.web.MedicationReportViews.CountDifferedView;
import org.trackwell.reports.web.MedicationReportViews.GivenOverLimitsView;
import org.trackwell.reports.web.MedicationReportViews.MissedDoseView;
import org.trackwell.reports.web.MedicationReportViews.RegisterEntryView;
import org.trackwell.shared.ServiceTimeZone;

/** The medication reports through the API: adherence, doses not given or missed, and downloads. */
@RestController
@RequestMapping("/api/v1/reports/medication")
class MedicationReportApi {

    private final MedicationReport report;
    private final AsNeededReport asNeeded;
    private final StockReport stock;
    private final MedicationDownloads downloads;
    private final Clock clock;
    private final ServiceTimeZone zone;

    MedicationReportApi(
            MedicationReport report,
            AsNeededReport asNeeded,
            StockReport stock,
            MedicationDownloads downloads,
            Clock clock,
            ServiceTimeZone zone) {
        this.report = report;
        this.asNeeded = asNeeded;
        this.stock = stock;
        this.downloads = downloads;
        this.clock = clock;
        this.zone = zone;
    }

    record AdherenceLine(
            String name,
            int due,
            int given,
            int notGiven,
            int missed,
            @Nullable Double percent) {}

    /** The filters a report was made with: the period (both days included), and the team and medicine, if one. */
    record Filter(
            LocalDate from,
            LocalDate to,
            @Nullable UUID team,
            @Nullable UUID medicine) {

        static Filter of(ReportFilter filter) {
            return new Filter(filter.from(), filter.to(), filter.team(), filter.medicine());
        }
    }

    record Adherence(Filter filter, String by, List<AdherenceLine> lines) {}

    record MissedDoses(Filter filter, List<MissedDoseView> doses) {}

    record AsNeededUse(Filter filter, List<AsNeededUseView> lines) {}

    record PrnOverrides(Filter filter, List<GivenOverLimitsView> doses) {}

    record ControlledDrugRegister(Filter filter, List<RegisterEntryView> lines) {}

    record StockDiscrepancies(Filter filter, List<CountDifferedView> counts) {}

    /**
     * A download of {@code report} ({@code adherence}, {@code missed-doses}, {@code as-needed},
     * {@code prn-overrides}, {@code controlled-drugs}, {@code stock-discrepancies}); a password only for XLSX.
     */
    record MedicationExport(
            @NotBlank @Size(max = 20) String report,
            @NotBlank @Size(max = 10) String format,
            @Nullable @Size(max = 200) String password,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable UUID team,
            @Nullable @Size(max = 20) String by,
            @Nullable UUID medicine) {

        @Override
        public String toString() {
            return "MedicationExport[report=" + report + ", format=" + format + ", password=***]";
        }
    }

    @GetMapping("/adherence")
    Adherence adherence(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute @ParameterObject MedicationReportRequest request) {
        ReportFilter filter = request.filter(clock, zone);
        MedicationReport.Grouping by = request.grouping();
        return new Adherence(
                Filter.of(filter),
                by.key(),
                report.adherence(user, filter, by).stream()
                        .map(l ->
                                new AdherenceLine(l.name(), l.due(), l.given(), l.notGiven(), l.missed(), l.percent()))
                        .toList());
    }

    @GetMapping("/missed-doses")
    MissedDoses missedDoses(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute @ParameterObject MedicationReportRequest request) {
        ReportFilter filter = request.filter(clock, zone);
        return new MissedDoses(
                Filter.of(filter),
                report.missed(user, filter).stream().map(MissedDoseView::of).toList());
    }

    @GetMapping("/as-needed")
    AsNeededUse asNeeded(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute @ParameterObject MedicationReportRequest request) {
        ReportFilter filter = request.filter(clock, zone);
        return new AsNeededUse(
                Filter.of(filter),
                asNeeded.use(user, filter).stream().map(AsNeededUseView::of).toList());
    }

    @GetMapping("/prn-overrides")
    PrnOverrides prnOverrides(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute @ParameterObject MedicationReportRequest request) {
        ReportFilter filter = request.filter(clock, zone);
        return new PrnOverrides(
                Filter.of(filter),
                asNeeded.overrides(user, filter).stream()
                        .map(GivenOverLimitsView::of)
                        .toList());
    }

    @GetMapping("/controlled-drugs")
    ControlledDrugRegister controlledDrugs(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute @ParameterObject MedicationReportRequest request) {
        ReportFilter filter = request.filter(clock, zone);
        return new ControlledDrugRegister(
                Filter.of(filter),
                stock.register(user, filter).stream().map(RegisterEntryView::of).toList());
    }

    @GetMapping("/stock-discrepancies")
    StockDiscrepancies stockDiscrepancies(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute @ParameterObject MedicationReportRequest request) {
        ReportFilter filter = request.filter(clock, zone);
        return new StockDiscrepancies(
                Filter.of(filter),
                stock.discrepancies(user, filter).stream()
                        .map(CountDifferedView::of)
                        .toList());
    }

    @PostMapping("/export")
    void export(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody MedicationExport body,
            HttpServletResponse response) {
        MedicationReportRequest request =
                new MedicationReportRequest(body.from(), body.to(), body.team(), body.by(), body.medicine());
        downloads.download(
                user,
                body.report(),
                request.filter(clock, zone),
                request.grouping(),
                body.format(),
                body.password(),
                response);
    }
}

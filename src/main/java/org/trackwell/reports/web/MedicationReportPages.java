package org.trackwell.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.StockRecords;
import org.trackwell.reports.ReportRefused;
import org.trackwell.reports.internal.AsNeededReport;
import org.trackwell.reports.internal.MedicationReport;
import org.trackwell.reports.internal.MedicationReport.Grouping;
import org.trackwell.reports.internal.ReportFilter;
import org.trackwell.reports.internal.StockReport;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.Refusal;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The medication reports' pages: adherence, doses not given or missed, as-needed use and doses
 * beyond the limits, the controlled-drug register, stock discrepancies, and their downloads.
 */
@Controller
class MedicationReportPages {

    private final MedicationReport report;
    private final AsNeededReport asNeeded;
    private final StockReport stockReport;
    private final MedicationDownloads downloads;
    private final Accounts accounts;
    private final StockRecords stock;
    private final Clock clock;
    private final ServiceTimeZone zone;

    MedicationReportPages(
            MedicationReport report,
            AsNeededReport asNeeded,
            StockReport stockReport,
            MedicationDownloads downloads,
            Accounts accounts,
            StockRecords stock,
            Clock clock,
            ServiceTimeZone zone) {
        this.report = report;
        this.asNeeded = asNeeded;
        this.stockReport = stockReport;
        this.downloads = downloads;
        this.accounts = accounts;
        this.stock = stock;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/reports/medication")
    ModelAndView adherence(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") MedicationReportRequest request,
            Model model) {
        return page("reports/medication-adherence", user, request, model, filter -> {
            Grouping by = request.grouping();
            model.addAttribute("by", by);
            return report.adherence(user, filter, by);
        });
    }

    @GetMapping("/reports/medication/missed-doses")
    ModelAndView missedDoses(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") MedicationReportRequest request,
            Model model) {
        return page("reports/medication-missed", user, request, model, filter -> report.missed(user, filter));
    }

    @GetMapping("/reports/medication/as-needed")
    ModelAndView asNeeded(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") MedicationReportRequest request,
            Model model) {
        return page("reports/medication-as-needed", user, request, model, filter -> asNeeded.use(user, filter));
    }

    @GetMapping("/reports/medication/prn-overrides")
    ModelAndView prnOverrides(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") MedicationReportRequest request,
            Model model) {
        return page(
                "reports/medication-prn-overrides", user, request, model, filter -> asNeeded.overrides(user, filter));
    }

    @GetMapping("/reports/medication/controlled-drugs")
    ModelAndView controlledDrugs(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") MedicationReportRequest request,
            Model model) {
        model.addAttribute("controlledOnly", true);
        return page("reports/controlled-drugs", user, request, model, filter -> stockReport.register(user, filter));
    }

    @GetMapping("/reports/medication/stock-discrepancies")
    ModelAndView stockDiscrepancies(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") MedicationReportRequest request,
            Model model) {
        return page(
                "reports/stock-discrepancies", user, request, model, filter -> stockReport.discrepancies(user, filter));
    }

    private ModelAndView page(
            String view,
            SignedInUser user,
            MedicationReportRequest request,
            Model model,
            Function<ReportFilter, List<?>> lines) {
        model.addAttribute(
                "teams",
                accounts.teams().stream()
                        .filter(team -> user.teams().contains(team.id()))
                        .toList());
        model.addAttribute("groupings", Grouping.values());
        boolean controlledOnly = Boolean.TRUE.equals(model.getAttribute("controlledOnly"));
        model.addAttribute(
                "medicines",
                stock.medicines().stream()
                        .filter(m -> m.controlled() || !controlledOnly)
                        .toList());
        model.addAttribute("formats", ReportDownloads.formats());
        try {
            ReportFilter filter = request.filter(clock, zone);
            model.addAttribute("lines", lines.apply(filter));
            model.addAttribute("filter", filter);
            return new ModelAndView(view, model.asMap());
        } catch (ReportRefused refused) {
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("lines", List.of());
            return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
        }
    }

    /** Streams the download, or on a refusal goes back to the report's page, which says why. */
    @PostMapping("/reports/medication/export")
    void export(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute MedicationReportRequest request,
            @RequestParam String report,
            @RequestParam String format,
            @RequestParam(required = false) @Nullable String password,
            HttpServletRequest http,
            HttpServletResponse response)
            throws IOException {
        try {
            downloads.download(
                    user, report, request.filter(clock, zone), request.grouping(), format, password, response);
        } catch (Refusal refused) {
            FormOutcome.throwIfNotFound(refused);
            String back = back(report, request);
            FlashMap flash = RequestContextUtils.getOutputFlashMap(http);
            flash.put("error", refused.getMessage());
            flash.put("chosenFormat", format);
            RequestContextUtils.saveOutputFlashMap(back, http, response);
            response.sendRedirect(back);
        }
    }

    private static String back(String report, MedicationReportRequest request) {
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(
                switch (report) {
                    case MedicationDownloads.MISSED_DOSES,
                            MedicationDownloads.AS_NEEDED,
                            MedicationDownloads.PRN_OVERRIDES,
                            MedicationDownloads.CONTROLLED_DRUGS,
                            MedicationDownloads.STOCK_DISCREPANCIES -> "/reports/medication/" + report;
                    default -> "/reports/medication";
                });
        add(back, "from", request.from());
        add(back, "to", request.to());
        add(back, "team", request.team());
        add(back, "by", request.by());
        add(back, "medicine", request.medicine());
        return back.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder builder, String name, @Nullable Object value) {
        if (value != null && !value.toString().isBlank()) {
            builder.queryParam(name, value);
        }
    }
}

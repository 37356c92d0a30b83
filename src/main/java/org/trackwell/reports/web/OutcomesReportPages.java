package org.trackwell.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
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
import org.trackwell.clients.EpisodeStage;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.reports.ReportRefused;
import org.trackwell.reports.internal.Figure;
import org.trackwell.reports.internal.OutcomeFigures;
import org.trackwell.reports.internal.OutcomesReport;
import org.trackwell.reports.internal.OutcomesReport.EpisodeEntry;
import org.trackwell.reports.internal.ReportFilter;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.Refusal;
import org.trackwell.shared.ServiceTimeZone;

/** The outcomes report's pages: filters, figures and chart; the episodes behind a figure; downloads. */
@Controller
class OutcomesReportPages {

    private final OutcomesReport report;
    private final ReportDownloads downloads;
    private final Accounts accounts;
    private final Clock clock;
    private final ServiceTimeZone zone;

    OutcomesReportPages(
            OutcomesReport report, ReportDownloads downloads, Accounts accounts, Clock clock, ServiceTimeZone zone) {
        this.report = report;
        this.downloads = downloads;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/reports/outcomes")
    ModelAndView outcomes(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") ReportRequest request,
            Model model) {
        choices(user, model);
        try {
            ReportFilter filter = request.filter(clock, zone);
            OutcomeFigures figures = report.figures(user, filter);
            model.addAttribute("filter", filter);
            model.addAttribute("figures", figures);
            model.addAttribute("counts", Arrays.asList(Figure.values()));
            model.addAttribute("chart", OutcomesChart.of(figures.rates()));
            return new ModelAndView("reports/outcomes", model.asMap());
        } catch (ReportRefused refused) {
            model.addAttribute("error", refused.getMessage());
            return new ModelAndView("reports/outcomes", model.asMap(), HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/reports/outcomes/episodes")
    ModelAndView episodes(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute("asked") ReportRequest request,
            Model model) {
        try {
            ReportFilter filter = request.filter(clock, zone);
            Figure figure = request.requireFigure();
            List<EpisodeEntry> episodes = report.episodes(user, filter, figure);
            model.addAttribute("filter", filter);
            model.addAttribute("figure", figure);
            model.addAttribute("episodes", episodes);
            model.addAttribute("formats", ReportDownloads.formats());
            return new ModelAndView("reports/episodes", model.asMap());
        } catch (ReportRefused refused) {
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("episodes", List.of());
            model.addAttribute("formats", ReportDownloads.formats());
            return new ModelAndView("reports/episodes", model.asMap(), HttpStatus.BAD_REQUEST);
        }
    }

    /**
     * Streams the download, or on a refusal (a weak password, too many downloads) goes back to the
     * page it came from, which says why and keeps the filters and the format chosen.
     */
    @PostMapping("/reports/outcomes/export")
    void export(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @ModelAttribute ReportRequest request,
            @RequestParam String format,
            @RequestParam(required = false) @Nullable String password,
            HttpServletRequest http,
            HttpServletResponse response)
            throws IOException {
        try {
            downloads.download(user, request.filter(clock, zone), request.chosenFigure(), format, password, response);
        } catch (Refusal refused) {
            FormOutcome.throwIfNotFound(refused);
            String back = back(request);
            FlashMap flash = RequestContextUtils.getOutputFlashMap(http);
            flash.put("error", refused.getMessage());
            flash.put("chosenFormat", format);
            RequestContextUtils.saveOutputFlashMap(back, http, response);
            response.sendRedirect(back);
        }
    }

    private static String back(ReportRequest request) {
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(
                request.figure() == null || request.figure().isBlank()
                        ? "/reports/outcomes"
                        : "/reports/outcomes/episodes");
        add(back, "from", request.from());
        add(back, "to", request.to());
        add(back, "team", request.team());
        add(back, "practitioner", request.practitioner());
        add(back, "measure", request.measure());
        add(back, "stage", request.stage() == null ? null : request.stage().name());
        add(back, "figure", request.figure());
        return back.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder builder, String name, @Nullable Object value) {
        if (value != null && !value.toString().isBlank()) {
            builder.queryParam(name, value);
        }
    }

    /** What the filters offer: the user's teams, the practitioners in them, measures and stages. */
    private void choices(SignedInUser user, Model model) {
        List<Team> teams = accounts.teams().stream()
                .filter(team -> user.teams().contains(team.id()))
                .toList();
        List<User> practitioners = accounts.list().stream()
                .filter(u -> u.roles().contains(Role.PRACTITIONER))
                .filter(u -> u.teams().stream().anyMatch(t -> user.teams().contains(t.id())))
                .filter(u -> user.has(Role.MANAGER) || u.id().equals(user.id()))
                .toList();
        model.addAttribute("teams", teams);
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("measures", report.measures());
        model.addAttribute("stages", EpisodeStage.values());
        model.addAttribute("formats", ReportDownloads.formats());
    }
}

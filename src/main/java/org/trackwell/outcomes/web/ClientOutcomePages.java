package org.trackwell.outcomes.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.SaveAnyway;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.Attendance;
import org.trackwell.outcomes.internal.ChartLinks;
import org.trackwell.outcomes.internal.ClientProgress;
import org.trackwell.outcomes.internal.ClientSession;
import org.trackwell.outcomes.internal.ClientSessions;
import org.trackwell.outcomes.internal.Goal;
import org.trackwell.outcomes.internal.Goals;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.outcomes.internal.MeasureProgress;
import org.trackwell.outcomes.internal.NewSession;
import org.trackwell.outcomes.internal.Progress;
import org.trackwell.outcomes.internal.ProgressChart;
import org.trackwell.outcomes.internal.SessionMode;
import org.trackwell.outcomes.internal.TeamMeasures;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.QrCode;
import org.trackwell.shared.Refusal;
import org.trackwell.shared.ServiceTimeZone;

/** A client's outcomes page: their sessions, scores and charts, goals, and the links shared with them. */
@Controller
class ClientOutcomePages {

    private final ServiceTimeZone zone;
    private final PractitionerNames names;
    private final ClientSessions sessions;
    private final Progress progress;
    private final Goals goals;
    private final ChartLinks links;
    private final MeasureCatalogue catalogue;
    private final TeamMeasures teamMeasures;
    private final Clock clock;
    private final SaveAnyway saveAnyway;

    ClientOutcomePages(
            ClientSessions sessions,
            Progress progress,
            Goals goals,
            ChartLinks links,
            MeasureCatalogue catalogue,
            TeamMeasures teamMeasures,
            Clock clock,
            PractitionerNames names,
            ServiceTimeZone zone,
            SaveAnyway saveAnyway) {
        this.saveAnyway = saveAnyway;
        this.zone = zone;
        this.names = names;
        this.sessions = sessions;
        this.progress = progress;
        this.goals = goals;
        this.links = links;
        this.catalogue = catalogue;
        this.teamMeasures = teamMeasures;
        this.clock = clock;
    }

    @GetMapping("/clients/{code}/outcomes")
    String outcomes(@ReachedClient(viewed = AuditAction.OUTCOMES_VIEWED) ClientRef client, Model model) {
        List<ClientSession> all = sessions.of(client);
        ClientProgress measured = progress.of(client);
        List<Goal> goalList = goals.of(client);
        model.addAttribute("code", client.code().toString());
        model.addAttribute("sessions", all.reversed());
        model.addAttribute("progress", measured);
        model.addAttribute("charts", charts(measured));
        model.addAttribute("goals", goalList);
        model.addAttribute("goalLabels", ProgressChart.labels(goalList));
        model.addAttribute(
                "goalChart",
                goalList.stream().anyMatch(g -> !g.ratings().isEmpty())
                        ? ProgressChart.ofGoals(goalList, zone.zone())
                        : null);
        model.addAttribute("durations", Goal.ProblemDuration.values());
        model.addAttribute("chartLinks", links.chartLinks(client));
        model.addAttribute("measures", teamMeasures.offeredTo(client));
        model.addAttribute("types", catalogue.sessionTypes());
        model.addAttribute("typeNames", catalogue.sessionTypeNames());
        model.addAttribute("modes", SessionMode.values());
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("names", names.byId());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(zone.zone())).truncatedTo(ChronoUnit.MINUTES));
        return "outcomes/client";
    }

    @PostMapping("/clients/{code}/outcomes/sessions")
    String recordSession(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam String startsAt,
            @RequestParam String type,
            @RequestParam SessionMode mode,
            @RequestParam(defaultValue = "") String attendance,
            @RequestParam(defaultValue = "") String notes,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            @RequestParam(defaultValue = "") String confirmation,
            RedirectAttributes redirect) {
        String target = client.auditTarget();
        try {
            ClientSession session = sessions.record(
                    user,
                    client,
                    new NewSession(
                            LocalDateTime.parse(startsAt).atZone(zone.zone()).toInstant(),
                            type,
                            mode,
                            attendance.isBlank() ? null : Attendance.valueOf(attendance),
                            null,
                            null,
                            notes,
                            saveAnyway.confirmed(user, target, notes, acknowledgeIdentifying, confirmation)));
            redirect.addFlashAttribute("done", "Session recorded.");
            return "redirect:/clients/" + client.code() + "/sessions/" + session.id();
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "Give the session's date and time.");
        } catch (LooksIdentifying warned) {
            redirect.addFlashAttribute("error", warned.getMessage() + " Tick the box to save it anyway.");
            askToSaveAnyway(redirect, "session", saveAnyway.token(user, target, notes));
            redirect.addFlashAttribute("typed", Map.of("notes", notes));
        } catch (Refusal refused) {
            FormOutcome.throwIfNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/clients/" + client.code() + "/outcomes";
    }

    @PostMapping("/clients/{code}/goals")
    String addGoal(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam Goal.Kind kind,
            @RequestParam String wording,
            @RequestParam(defaultValue = "") String duration,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            @RequestParam(defaultValue = "") String confirmation,
            RedirectAttributes redirect) {
        String target = client.auditTarget();
        FormOutcome.flash(redirect, Map.of("wording", wording), () -> {
            try {
                goals.add(
                        user,
                        client,
                        kind,
                        wording,
                        duration.isBlank() ? null : Goal.ProblemDuration.valueOf(duration),
                        saveAnyway.confirmed(user, target, wording, acknowledgeIdentifying, confirmation));
            } catch (LooksIdentifying warned) {
                askToSaveAnyway(redirect, "goal", saveAnyway.token(user, target, wording));
                throw warned;
            }
            return kind == Goal.Kind.GOAL ? "Goal added." : "Problem added.";
        });
        return outcomesPage(client);
    }

    @PostMapping("/clients/{code}/goals/{goal}")
    String reword(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @PathVariable UUID goal,
            @RequestParam String wording,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            @RequestParam(defaultValue = "") String confirmation,
            RedirectAttributes redirect) {
        String target = client.auditTarget() + "/goal:" + goal;
        FormOutcome.flash(redirect, Map.of("wording", wording), () -> {
            try {
                goals.reword(
                        user,
                        client,
                        goal,
                        wording,
                        saveAnyway.confirmed(user, target, wording, acknowledgeIdentifying, confirmation));
            } catch (LooksIdentifying warned) {
                askToSaveAnyway(redirect, "reword-" + goal, saveAnyway.token(user, target, wording));
                throw warned;
            }
            return "Reworded; the earlier words are kept.";
        });
        return outcomesPage(client);
    }

    @PostMapping("/clients/{code}/goals/{goal}/close")
    String closeGoal(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @PathVariable UUID goal,
            RedirectAttributes redirect) {
        return actOnClient(redirect, client, () -> {
            goals.close(user, client, goal);
            return "Closed.";
        });
    }

    @PostMapping("/clients/{code}/primary-measure")
    String primaryMeasure(@ReachedClient ClientRef client, @RequestParam String measure, RedirectAttributes redirect) {
        return actOnClient(redirect, client, () -> {
            progress.choosePrimaryMeasure(client, measure);
            return "Primary measure changed to " + measure + ".";
        });
    }

    /** Shows the chart link and its PIN once: they are to be given to the client separately. */
    @PostMapping("/clients/{code}/chart-links")
    String chartLink(@AuthenticationPrincipal SignedInUser user, @ReachedClient ClientRef client, Model model) {
        ChartLinks.IssuedChartLink link = links.chartLink(user, client);
        model.addAttribute("code", client.code().toString());
        model.addAttribute("chartLink", link);
        model.addAttribute("qr", QrCode.dataUri(link.url(), 240));
        return "outcomes/chart-link";
    }

    @PostMapping("/clients/{code}/chart-links/{link}/revoke")
    String revoke(@ReachedClient ClientRef client, @PathVariable UUID link, RedirectAttributes redirect) {
        return actOnClient(redirect, client, () -> {
            links.revoke(client, link);
            return "The chart link no longer works.";
        });
    }

    private Map<String, String> charts(ClientProgress measured) {
        Map<String, String> charts = new LinkedHashMap<>();
        for (MeasureProgress m : measured.currentMeasures()) {
            charts.put(m.measure().id(), ProgressChart.of(m, zone.zone()));
        }
        return charts;
    }

    private static String actOnClient(
            RedirectAttributes redirect, ClientRef client, java.util.function.Supplier<String> action) {
        FormOutcome.flash(redirect, action);
        return outcomesPage(client);
    }

    private static String outcomesPage(ClientRef client) {
        return "redirect:/clients/" + client.code() + "/outcomes";
    }

    /**
     * The warned form, and only that one, shows the tick box, carrying the token without which the
     * tick does not count (SaveAnyway).
     */
    private static void askToSaveAnyway(RedirectAttributes redirect, String form, String token) {
        redirect.addFlashAttribute("saveAnywayForm", form);
        redirect.addFlashAttribute("saveAnywayToken", token);
    }
}

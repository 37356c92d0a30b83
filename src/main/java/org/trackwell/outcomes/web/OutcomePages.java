package org.trackwell.outcomes.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.Clients;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.outcomes.AnswerDrafts;
import org.trackwell.outcomes.AnswersIncomplete;
import org.trackwell.outcomes.AnswersInvalid;
import org.trackwell.outcomes.Attendance;
import org.trackwell.outcomes.ClientLinks;
import org.trackwell.outcomes.ClientProgress;
import org.trackwell.outcomes.ClientSession;
import org.trackwell.outcomes.ClientSessions;
import org.trackwell.outcomes.Goal;
import org.trackwell.outcomes.Goals;
import org.trackwell.outcomes.MeasureAdministration;
import org.trackwell.outcomes.MeasureCatalogue;
import org.trackwell.outcomes.MeasureProgress;
import org.trackwell.outcomes.NewSession;
import org.trackwell.outcomes.Progress;
import org.trackwell.outcomes.ProgressChart;
import org.trackwell.outcomes.SessionMode;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.QrCode;
import org.trackwell.shared.Refusal;

/** A client's sessions, measures, goals, charts and links, and the caseload's progress at a glance. */
@Controller
class OutcomePages {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    private final ClientSessions sessions;
    private final AnswerDrafts drafts;
    private final Progress progress;
    private final Goals goals;
    private final ClientLinks links;
    private final MeasureCatalogue catalogue;
    private final Accounts accounts;
    private final Clock clock;

    OutcomePages(
            ClientSessions sessions,
            AnswerDrafts drafts,
            Progress progress,
            Goals goals,
            ClientLinks links,
            MeasureCatalogue catalogue,
            Accounts accounts,
            Clock clock) {
        this.sessions = sessions;
        this.drafts = drafts;
        this.progress = progress;
        this.goals = goals;
        this.links = links;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/clients/{code}/outcomes")
    String outcomes(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model) {
        List<ClientSession> all = sessions.of(user, code);
        ClientProgress measured = progress.of(user, code);
        List<Goal> goalList = goals.of(user, code);
        model.addAttribute("code", code.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("sessions", all.reversed());
        model.addAttribute("progress", measured);
        model.addAttribute("charts", charts(measured));
        model.addAttribute("goals", goalList);
        model.addAttribute("goalLabels", ProgressChart.labels(goalList));
        model.addAttribute(
                "goalChart",
                goalList.stream().anyMatch(g -> !g.ratings().isEmpty()) ? ProgressChart.ofGoals(goalList) : null);
        model.addAttribute("durations", Goal.ProblemDuration.values());
        model.addAttribute("chartLinks", links.chartLinks(user, code));
        model.addAttribute(
                "measures",
                catalogue.settings().enabledMeasures().stream().sorted().toList());
        model.addAttribute("types", catalogue.sessionTypes());
        model.addAttribute("modes", SessionMode.values());
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("names", names());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.MINUTES));
        return "outcomes/client";
    }

    @PostMapping("/clients/{code}/outcomes/sessions")
    String recordSession(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam String startsAt,
            @RequestParam String type,
            @RequestParam SessionMode mode,
            @RequestParam(defaultValue = "") String attendance,
            @RequestParam(defaultValue = "") String notes,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        try {
            ClientSession session = sessions.record(
                    user,
                    code,
                    new NewSession(
                            LocalDateTime.parse(startsAt).atZone(ZONE).toInstant(),
                            type,
                            mode,
                            attendance.isBlank() ? null : Attendance.valueOf(attendance),
                            null,
                            null,
                            notes,
                            acknowledgeIdentifying));
            redirect.addFlashAttribute("done", "Session recorded.");
            return "redirect:/clients/" + code + "/sessions/" + session.id();
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "Give the session's date and time.");
        } catch (LooksIdentifying warned) {
            redirect.addFlashAttribute("error", warned.getMessage() + " Tick the box to save it anyway.");
            redirect.addFlashAttribute("askAcknowledge", true);
        } catch (Refusal refused) {
            FormOutcome.throwIfNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/clients/" + code + "/outcomes";
    }

    @GetMapping("/clients/{code}/sessions/{session}")
    String session(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            Model model) {
        ClientSession found = sessions.of(user, code).stream()
                .filter(s -> s.id().equals(session))
                .findFirst()
                .orElseThrow(org.trackwell.outcomes.SessionNotFound::new);
        List<String> answered =
                found.measures().stream().map(m -> m.measureId()).toList();
        model.addAttribute("code", code.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("clientSession", found);
        model.addAttribute(
                "toAnswer",
                found.plannedMeasures().stream()
                        .filter(m -> !answered.contains(m))
                        .map(catalogue::find)
                        .flatMap(java.util.Optional::stream)
                        .toList());
        model.addAttribute("drafts", drafts.of(user, code, session));
        model.addAttribute("titles", titles());
        model.addAttribute(
                "openGoals", goals.of(user, code).stream().filter(Goal::open).toList());
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("names", names());
        model.addAttribute("started", !found.startsAt().isAfter(clock.instant()));
        return "outcomes/session";
    }

    /**
     * Records a measure; a questionnaire answered only in part, or kept on purpose, is kept as a
     * draft for the session rather than lost.
     */
    @PostMapping("/clients/{code}/sessions/{session}/measures/{measure}")
    String answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @PathVariable String measure,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return act(redirect, code, session, () -> {
            Map<String, Integer> given = answers(form, "item.");
            if ("draft".equals(form.get("keep"))) {
                drafts.keep(user, code, session, measure, given);
                return measure + " kept as a draft for this session.";
            }
            try {
                return recorded(measure, sessions.answer(user, code, session, measure, given));
            } catch (AnswersIncomplete incomplete) {
                if (given.isEmpty()) {
                    throw incomplete;
                }
                drafts.keep(user, code, session, measure, given);
                throw new AnswersIncomplete(
                        incomplete.getMessage() + " Your answers so far are kept as a draft for this session.");
            }
        });
    }

    private static String recorded(String measure, MeasureAdministration recorded) {
        return measure + " recorded: "
                + ProgressChart.plain(Objects.requireNonNull(recorded.total(), "a recorded measure is scored"))
                + (recorded.band() == null ? "" : " (" + recorded.band() + ")") + ".";
    }

    @PostMapping("/clients/{code}/sessions/{session}/attendance")
    String attendance(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @RequestParam Attendance attendance,
            RedirectAttributes redirect) {
        return act(redirect, code, session, () -> {
            sessions.recordAttendance(user, code, session, attendance);
            return "Attendance recorded.";
        });
    }

    @PostMapping("/clients/{code}/sessions/{session}/goal-ratings")
    String rate(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return act(redirect, code, session, () -> {
            Map<UUID, Integer> ratings = new LinkedHashMap<>();
            answers(form, "goal.").forEach((goal, rating) -> ratings.put(UUID.fromString(goal), rating));
            goals.rate(user, code, session, ratings);
            return "Ratings recorded.";
        });
    }

    /** Shows the link and its QR code once, on this response only: the address is never stored. */
    @PostMapping("/clients/{code}/sessions/{session}/links")
    String link(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID session,
            @RequestParam(defaultValue = "false") boolean email,
            Model model,
            RedirectAttributes redirect) {
        try {
            ClientLinks.IssuedLink link = links.measureLink(user, code, session, null, email);
            if (link.emailed()) {
                redirect.addFlashAttribute("done", "The link has been e-mailed to the client.");
                return "redirect:/clients/" + code + "/sessions/" + session;
            }
            model.addAttribute("code", code.toUpperCase(java.util.Locale.ROOT));
            model.addAttribute("sessionId", session);
            model.addAttribute("link", link);
            model.addAttribute("qr", QrCode.dataUri(link.url(), 240));
            return "outcomes/link";
        } catch (Refusal refused) {
            FormOutcome.throwIfNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/clients/" + code + "/sessions/" + session;
        }
    }

    @PostMapping("/clients/{code}/goals")
    String addGoal(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam Goal.Kind kind,
            @RequestParam String wording,
            @RequestParam(defaultValue = "") String duration,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        return actOnClient(redirect, code, () -> {
            goals.add(
                    user,
                    code,
                    kind,
                    wording,
                    duration.isBlank() ? null : Goal.ProblemDuration.valueOf(duration),
                    acknowledgeIdentifying);
            return kind == Goal.Kind.GOAL ? "Goal added." : "Problem added.";
        });
    }

    @PostMapping("/clients/{code}/goals/{goal}")
    String reword(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID goal,
            @RequestParam String wording,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        return actOnClient(redirect, code, () -> {
            goals.reword(user, code, goal, wording, acknowledgeIdentifying);
            return "Reworded; the earlier words are kept.";
        });
    }

    @PostMapping("/clients/{code}/goals/{goal}/close")
    String closeGoal(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID goal,
            RedirectAttributes redirect) {
        return actOnClient(redirect, code, () -> {
            goals.close(user, code, goal);
            return "Closed.";
        });
    }

    @PostMapping("/clients/{code}/primary-measure")
    String primaryMeasure(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam String measure,
            RedirectAttributes redirect) {
        return actOnClient(redirect, code, () -> {
            progress.choosePrimaryMeasure(user, code, measure);
            return "Primary measure changed to " + measure + ".";
        });
    }

    /** Shows the chart link and its PIN once: they are to be given to the client separately. */
    @PostMapping("/clients/{code}/chart-links")
    String chartLink(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model) {
        ClientLinks.IssuedChartLink link = links.chartLink(user, code);
        model.addAttribute("code", code.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("chartLink", link);
        model.addAttribute("qr", QrCode.dataUri(link.url(), 240));
        return "outcomes/chart-link";
    }

    @PostMapping("/clients/{code}/chart-links/{link}/revoke")
    String revoke(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID link,
            RedirectAttributes redirect) {
        return actOnClient(redirect, code, () -> {
            links.revoke(user, code, link);
            return "The chart link no longer works.";
        });
    }

    @GetMapping("/progress")
    String caseload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            Model model) {
        var lines = progress.caseload(user, new CaseloadFilter(null, null, "OPEN"), page);
        model.addAttribute("lines", lines.stream().limit(Clients.pageSize()).toList());
        model.addAttribute("hasNext", lines.size() > Clients.pageSize());
        model.addAttribute("page", page);
        model.addAttribute("settings", catalogue.settings());
        return "outcomes/progress";
    }

    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/London");

    private Map<String, String> charts(ClientProgress measured) {
        Map<String, String> charts = new LinkedHashMap<>();
        for (MeasureProgress m : measured.currentMeasures()) {
            charts.put(m.measure().id(), ProgressChart.of(m));
        }
        return charts;
    }

    private Map<String, String> titles() {
        return catalogue.entries().stream()
                .collect(
                        Collectors.toMap(e -> e.measure().id(), e -> e.measure().title(), (a, b) -> a));
    }

    private Map<org.trackwell.shared.UserId, String> names() {
        return accounts.list().stream().collect(Collectors.toMap(User::id, User::displayName));
    }

    /**
     * Form fields named {@code prefix + key} with a whole number written as the form sends one (ASCII
     * digits, a minus sign at most), blanks left out: nothing else is read as a number.
     */
    static Map<String, Integer> answers(Map<String, String> form, String prefix) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(prefix) && !value.isBlank()) {
                String typed = value.strip();
                if (!WHOLE_NUMBER.matcher(typed).matches()) {
                    throw new AnswersInvalid("Answers are whole numbers, one of each question's options.");
                }
                answers.put(name.substring(prefix.length()), Integer.parseInt(typed));
            }
        });
        return answers;
    }

    private static String act(
            RedirectAttributes redirect, String code, UUID session, java.util.function.Supplier<String> action) {
        FormOutcome.flash(redirect, action);
        return "redirect:/clients/" + code + "/sessions/" + session;
    }

    private static String actOnClient(
            RedirectAttributes redirect, String code, java.util.function.Supplier<String> action) {
        FormOutcome.flash(redirect, action);
        return "redirect:/clients/" + code + "/outcomes";
    }
}

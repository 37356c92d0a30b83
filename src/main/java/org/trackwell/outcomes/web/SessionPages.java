package org.trackwell.outcomes.web;

import java.time.Clock;
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
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.AnswerDrafts;
import org.trackwell.outcomes.internal.AnswersIncomplete;
import org.trackwell.outcomes.internal.AnswersInvalid;
import org.trackwell.outcomes.internal.Attendance;
import org.trackwell.outcomes.internal.ClientSession;
import org.trackwell.outcomes.internal.ClientSessions;
import org.trackwell.outcomes.internal.Goal;
import org.trackwell.outcomes.internal.Goals;
import org.trackwell.outcomes.internal.MeasureAdministration;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.outcomes.internal.MeasureLinks;
import org.trackwell.outcomes.internal.ProgressChart;
import org.trackwell.outcomes.internal.TeamMeasures;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.QrCode;
import org.trackwell.shared.Refusal;

/** One session's page: measures answered or kept as drafts, attendance, goal ratings and a measure link for the client. */
@Controller
class SessionPages {

    private final PractitionerNames names;
    private final ClientSessions sessions;
    private final AnswerDrafts drafts;
    private final Goals goals;
    private final MeasureLinks links;
    private final MeasureCatalogue catalogue;
    private final TeamMeasures teamMeasures;
    private final Clock clock;

    SessionPages(
            ClientSessions sessions,
            AnswerDrafts drafts,
            Goals goals,
            MeasureLinks links,
            MeasureCatalogue catalogue,
            TeamMeasures teamMeasures,
            Clock clock,
            PractitionerNames names) {
        this.names = names;
        this.sessions = sessions;
        this.drafts = drafts;
        this.goals = goals;
        this.links = links;
        this.catalogue = catalogue;
        this.teamMeasures = teamMeasures;
        this.clock = clock;
    }

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    @GetMapping("/clients/{code}/sessions/{session}")
    String session(
            @ReachedClient(viewed = AuditAction.SESSION_VIEWED) ClientRef client,
            @PathVariable UUID session,
            Model model) {
        ClientSession found = sessions.one(client, session);
        List<String> answered =
                found.measures().stream().map(m -> m.measureId()).toList();
        List<String> offered = teamMeasures.offeredTo(client);
        model.addAttribute("code", client.code().toString());
        model.addAttribute("clientSession", found);
        model.addAttribute(
                "toAnswer",
                found.plannedMeasures().stream()
                        .filter(m -> !answered.contains(m) && offered.contains(m))
                        .map(catalogue::find)
                        .flatMap(java.util.Optional::stream)
                        .toList());
        model.addAttribute("drafts", drafts.of(client, session));
        model.addAttribute("titles", titles());
        model.addAttribute(
                "openGoals", goals.of(client).stream().filter(Goal::open).toList());
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("names", names.byId());
        model.addAttribute("typeNames", catalogue.sessionTypeNames());
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
            @ReachedClient ClientRef client,
            @PathVariable UUID session,
            @PathVariable String measure,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return act(redirect, client, session, () -> {
            Map<String, Integer> given = answers(form, "item.");
            if ("draft".equals(form.get("keep"))) {
                drafts.keep(user, client, session, measure, given);
                return measure + " kept as a draft for this session.";
            }
            try {
                return recorded(measure, sessions.answer(user, client, session, measure, given));
            } catch (AnswersIncomplete incomplete) {
                if (given.isEmpty()) {
                    throw incomplete;
                }
                drafts.keep(user, client, session, measure, given);
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
            @ReachedClient ClientRef client,
            @PathVariable UUID session,
            @RequestParam Attendance attendance,
            RedirectAttributes redirect) {
        return act(redirect, client, session, () -> {
            sessions.recordAttendance(client, session, attendance);
            return "Attendance recorded.";
        });
    }

    @PostMapping("/clients/{code}/sessions/{session}/goal-ratings")
    String rate(
            @ReachedClient ClientRef client,
            @PathVariable UUID session,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return act(redirect, client, session, () -> {
            Map<UUID, Integer> ratings = new LinkedHashMap<>();
            answers(form, "goal.").forEach((goal, rating) -> ratings.put(UUID.fromString(goal), rating));
            goals.rate(client, session, ratings);
            return "Ratings recorded.";
        });
    }

    /** Shows the link and its QR code once, on this response only: the address is never stored. */
    @PostMapping("/clients/{code}/sessions/{session}/links")
    String link(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @PathVariable UUID session,
            @RequestParam(defaultValue = "false") boolean email,
            Model model,
            RedirectAttributes redirect) {
        try {
            MeasureLinks.IssuedLink link = links.measureLink(user, client, session, null, email);
            if (link.emailed()) {
                redirect.addFlashAttribute("done", "The link has been e-mailed to the client.");
                return "redirect:/clients/" + client.code() + "/sessions/" + session;
            }
            model.addAttribute("code", client.code().toString());
            model.addAttribute("sessionId", session);
            model.addAttribute("link", link);
            model.addAttribute("qr", QrCode.dataUri(link.url(), 240));
            return "outcomes/link";
        } catch (Refusal refused) {
            FormOutcome.throwIfNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/clients/" + client.code() + "/sessions/" + session;
        }
    }

    private Map<String, String> titles() {
        return catalogue.entries().stream()
                .collect(
                        Collectors.toMap(e -> e.measure().id(), e -> e.measure().title(), (a, b) -> a));
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
            RedirectAttributes redirect, ClientRef client, UUID session, java.util.function.Supplier<String> action) {
        FormOutcome.flash(redirect, action);
        return "redirect:/clients/" + client.code() + "/sessions/" + session;
    }
}

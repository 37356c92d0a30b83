package org.trackwell.setup.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientIdentifiers;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.MeasureSetup;
import org.trackwell.setup.internal.Answers;
import org.trackwell.setup.internal.ServiceKind;
import org.trackwell.setup.internal.Steps;
import org.trackwell.setup.internal.Survey;
import org.trackwell.setup.internal.SurveyAnswerRefused;
import org.trackwell.shared.Confirmation;

/**
 * The implementation survey's pages: one step a page, each answer kept in the draft as the admin
 * moves on or back; a refused answer shows the step again with what was typed and why.
 */
@Controller
class SurveyPages {

    record Choice(String value, String words) {}

    private final Survey survey;
    private final Steps steps;
    private final ClientIdentifiers identifiers;
    private final MeasureSetup measures;
    private final Accounts accounts;
    private final ImplementationRecord record;

    SurveyPages(
            Survey survey,
            Steps steps,
            ClientIdentifiers identifiers,
            MeasureSetup measures,
            Accounts accounts,
            ImplementationRecord record) {
        this.record = record;
        this.survey = survey;
        this.steps = steps;
        this.identifiers = identifiers;
        this.measures = measures;
        this.accounts = accounts;
    }

    @GetMapping("/admin/setup")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String step(@RequestParam(defaultValue = "1") int step, Model model) {
        return page(Math.clamp(step, 1, Steps.LAST), steps.withSuggestions(survey.saved()), model);
    }

    @PostMapping("/admin/setup")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String answer(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "1") int step,
            @RequestParam(defaultValue = "next") String go,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        int current = Math.clamp(step, 1, Steps.LAST);
        Answers typed = typed(current, form);
        try {
            survey.answer(user.id(), current, typed);
        } catch (SurveyAnswerRefused refused) {
            model.addAttribute("error", refused.getMessage() + " Nothing was saved from this step.");
            Map<String, String> shown =
                    new LinkedHashMap<>(steps.withSuggestions(survey.saved()).byQuestion());
            shown.putAll(typed.byQuestion());
            return page(current, new Answers(shown), model);
        }
        if ("back".equals(go)) {
            return "redirect:/admin/setup?step=" + Math.max(1, current - 1);
        }
        return current == Steps.LAST ? "redirect:/admin/setup/summary" : "redirect:/admin/setup?step=" + (current + 1);
    }

    @GetMapping("/admin/setup/summary")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String summary(Model model) {
        Answers answers = steps.withSuggestions(survey.saved());
        model.addAttribute("a", answers);
        model.addAttribute("kind", answers.kind().map(ServiceKind::words).orElse("not chosen yet"));
        model.addAttribute(
                "secondFactorRoles",
                Words.roles(answers.choices("secondFactorRoles").stream()
                        .flatMap(code -> Arrays.stream(Role.values())
                                .filter(r -> r.name().equals(code)))
                        .toList()));
        model.addAttribute(
                "identifierWords",
                Words.list(answers.choices("identifiers").stream()
                        .map(code -> identifiers.offered().getOrDefault(code, code))
                        .toList()));
        model.addAttribute(
                "invitees",
                answers.invitees().stream()
                        .map(i -> new Choice(
                                i.name() + " (" + i.email() + ")",
                                roleWords(i.role()) + (i.team().isEmpty() ? "" : ", " + i.team())))
                        .toList());
        return "setup/summary";
    }

    @PostMapping("/admin/setup/apply")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String apply(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return new Confirmation(
                            "Apply the survey's answers?",
                            "The modules used, the security policy, the identifying details recorded about clients,"
                                    + " the measures and session types change to your answers from the moment you confirm; the teams"
                                    + " are created and the people invited. Each change is recorded in the changes"
                                    + " list, and you can change any setting again on its own page. A module switched"
                                    + " off is hidden, its records kept, not deleted.",
                            "Apply",
                            "/admin/setup/summary")
                    .ask(request, model);
        }
        try {
            List<InvitedNotice> invited =
                    survey.apply(user.id()).stream().map(InvitedNotice::of).toList();
            // Shown straight away rather than after a redirect: a second factor the new policy asks
            // of the admin would take the next request, and the one-time links with it.
            model.addAttribute("invited", invited);
            model.addAttribute("done", "Applied. This is your implementation record.");
            model.addAttribute("sections", record.sections());
            return "setup/record";
        } catch (SurveyAnswerRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + " Nothing was changed.");
            return "redirect:/admin/setup/summary";
        }
    }

    private String page(int step, Answers answers, Model model) {
        model.addAttribute("step", step);
        model.addAttribute("last", Steps.LAST);
        model.addAttribute("a", answers);
        model.addAttribute(
                "kinds",
                Arrays.stream(ServiceKind.values())
                        .map(kind -> new Choice(kind.name(), kind.words()))
                        .toList());
        model.addAttribute(
                "identifierChoices",
                identifiers.offered().entrySet().stream()
                        .map(e -> new Choice(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute(
                "roles",
                Arrays.stream(Role.values())
                        .map(role -> new Choice(role.name(), role.word()))
                        .toList());
        model.addAttribute("measureChoices", measures.measures());
        model.addAttribute("existingTeams", accounts.teams());
        model.addAttribute(
                "rows", IntStream.range(0, Answers.INVITATION_ROWS).boxed().toList());
        return "setup/step";
    }

    /** The step's answers as typed: a question with several choices ticked becomes a comma-separated list. */
    private static Answers typed(int step, MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String question : Steps.questions(step)) {
            List<String> values = form.getOrDefault(question, List.of());
            typed.put(question, String.join(",", values));
        }
        return new Answers(typed);
    }

    private static String roleWords(String code) {
        return Arrays.stream(Role.values())
                .filter(role -> role.name().equals(code))
                .map(Role::word)
                .findFirst()
                .orElse("no role");
    }
}

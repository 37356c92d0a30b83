package org.trackwell.outcomes.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.CatalogueEntry;
import org.trackwell.outcomes.internal.Measure;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.outcomes.internal.OutcomeSettings;
import org.trackwell.outcomes.internal.OutcomeSettingsChanges;
import org.trackwell.outcomes.internal.OwnMeasures;
import org.trackwell.outcomes.internal.SessionType;
import org.trackwell.outcomes.internal.TeamMeasures;
import org.trackwell.outcomes.internal.TeamsUnknown;
import org.trackwell.shared.FormOutcome;
import org.trackwell.shared.Refusal;

/**
 * The tenant admin's measure catalogue, outcome settings, session types and questionnaire builder.
 * The catalogue decides who may change it; the pages that only show it check the role themselves.
 */
@Controller
@RequestMapping("/admin/measures")
class MeasureAdminPages {

    private final MeasureCatalogue catalogue;
    private final OutcomeSettingsChanges changes;
    private final OwnMeasures ownMeasures;
    private final TeamMeasures teamMeasures;
    private final Accounts accounts;

    MeasureAdminPages(
            MeasureCatalogue catalogue,
            OutcomeSettingsChanges changes,
            OwnMeasures ownMeasures,
            TeamMeasures teamMeasures,
            Accounts accounts) {
        this.catalogue = catalogue;
        this.changes = changes;
        this.ownMeasures = ownMeasures;
        this.teamMeasures = teamMeasures;
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String catalogue(Model model) {
        model.addAttribute("entries", catalogue.entries());
        model.addAttribute("settings", catalogue.settings());
        model.addAttribute("defaults", OutcomeSettings.defaults());
        model.addAttribute("types", catalogue.sessionTypes());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("teamsOff", teamMeasures.teamsOff());
        return "outcomes/admin";
    }

    @PostMapping("/{id}/enable")
    String enable(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean licenceHeld,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            catalogue.enable(id, licenceHeld);
            return id + " is on.";
        });
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, () -> {
            catalogue.disable(id);
            return id + " is off.";
        });
    }

    /** The boxes {@code teamId}, one per team the measure is switched off for; none ticked: on for all. */
    @PostMapping("/{id}/teams-off")
    String teamsOff(
            @PathVariable String id,
            @RequestParam(name = "teamId", required = false) @Nullable List<String> teamIds,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            Set<UUID> off = teamMeasures.switchOff(id, teams(teamIds == null ? List.of() : teamIds));
            return off.isEmpty() ? id + " is on for every team." : id + " is off for the teams ticked.";
        });
    }

    @PostMapping("/settings")
    String settings(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, () -> {
            changes.changeSettings(new OutcomeSettings(
                    "true".equals(form.get("commercial")),
                    java.util.Set.of(),
                    java.util.Set.of(),
                    form.getOrDefault("primaryMeasure", ""),
                    number(form, "notSeenWarningDays"),
                    number(form, "notSeenAlertDays"),
                    number(form, "maxGoals"),
                    number(form, "linkValidityDays"),
                    number(form, "chartLinkValidityDays"),
                    optionalNumber(form, "sendBeforeHours"),
                    optionalNumber(form, "feedbackAfterHours"),
                    form.getOrDefault("feedbackMeasure", "").isBlank() ? null : form.get("feedbackMeasure"),
                    number(form, "pcl5CutOff")));
            return "Settings saved.";
        });
    }

    /**
     * Rows {@code code.N}, {@code name.N}, {@code measures.N} and the box {@code treatment.N}; a row
     * with no code is left out.
     */
    @PostMapping("/session-types")
    String sessionTypes(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, () -> {
            List<SessionType> types = new ArrayList<>();
            for (int i = 0; form.containsKey("code." + i); i++) {
                String code = form.getOrDefault("code." + i, "").strip();
                if (!code.isEmpty()) {
                    types.add(new SessionType(
                            code,
                            form.getOrDefault("name." + i, "").strip(),
                            split(form.getOrDefault("measures." + i, ""), ","),
                            "true".equals(form.get("treatment." + i))));
                }
            }
            changes.changeSessionTypes(types);
            return "Session types saved.";
        });
    }

    @PostMapping("/import")
    String importDefinition(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String definition,
            @RequestParam(defaultValue = "false") boolean licenceHeld,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            Measure measure = ownMeasures.add(user, definition, CatalogueEntry.Origin.IMPORTED);
            if (licenceHeld) {
                catalogue.enable(measure.id(), true);
            }
            return measure.id() + " version " + measure.version() + " added.";
        });
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String builder(@RequestParam(required = false) String from, Model model) {
        Optional<Measure> base = from == null ? Optional.empty() : catalogue.find(from);
        model.addAttribute("draft", base.map(QuestionnaireDraft::of).orElseGet(QuestionnaireDraft::blank));
        return "outcomes/builder";
    }

    @PostMapping("/new")
    String build(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        QuestionnaireDraft draft = QuestionnaireDraft.from(form);
        try {
            Measure measure = ownMeasures.add(user, draft.toDefinition(), CatalogueEntry.Origin.BUILT);
            redirect.addFlashAttribute("done", measure.title() + " saved as version " + measure.version() + ".");
            return "redirect:/admin/measures";
        } catch (Refusal refused) {
            model.addAttribute("draft", draft);
            model.addAttribute("error", refused.getMessage());
            model.addAttribute("problems", refused.details());
            return "outcomes/builder";
        }
    }

    private static Set<UUID> teams(List<String> ids) {
        try {
            return ids.stream().map(UUID::fromString).collect(java.util.stream.Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new TeamsUnknown();
        }
    }

    private static int number(Map<String, String> form, String name) {
        try {
            return Integer.parseInt(form.getOrDefault(name, "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static @Nullable Integer optionalNumber(Map<String, String> form, String name) {
        String value = form.getOrDefault(name, "").strip();
        return value.isEmpty() ? null : number(form, name);
    }

    static List<String> split(String text, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(separator)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        FormOutcome.flash(redirect, action);
        return "redirect:/admin/measures";
    }
}

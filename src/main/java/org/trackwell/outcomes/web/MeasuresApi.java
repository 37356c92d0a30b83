package org.trackwell.outcomes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.CatalogueEntry;
import org.trackwell.outcomes.internal.Measure;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.outcomes.internal.MeasureNotFound;
import org.trackwell.outcomes.internal.OutcomeSettings;
import org.trackwell.outcomes.internal.OutcomeSettingsChanges;
import org.trackwell.outcomes.internal.OwnMeasures;
import org.trackwell.outcomes.internal.SessionType;
import org.trackwell.outcomes.internal.TeamMeasures;
import tools.jackson.databind.JsonNode;

/** The tenant's questionnaires, outcome settings and session types, for tenant admins. */
@RestController
@RequestMapping("/api/v1")
class MeasuresApi {

    private final MeasureCatalogue catalogue;
    private final OutcomeSettingsChanges changes;
    private final OwnMeasures ownMeasures;
    private final TeamMeasures teamMeasures;

    MeasuresApi(
            MeasureCatalogue catalogue,
            OutcomeSettingsChanges changes,
            OwnMeasures ownMeasures,
            TeamMeasures teamMeasures) {
        this.catalogue = catalogue;
        this.changes = changes;
        this.ownMeasures = ownMeasures;
        this.teamMeasures = teamMeasures;
    }

    record EntryView(
            String id,
            int version,
            String title,
            CatalogueEntry.Origin origin,
            boolean enabled,
            boolean licenceHeld,
            boolean usable,
            boolean editable,
            Measure.Licence licence,
            String citation) {

        static EntryView of(CatalogueEntry entry) {
            Measure m = entry.measure();
            return new EntryView(
                    m.id(),
                    m.version(),
                    m.title(),
                    entry.origin(),
                    entry.enabled(),
                    entry.licenceHeld(),
                    entry.usable(),
                    entry.editable(),
                    m.licence(),
                    m.citation());
        }
    }

    record Import(@NotNull JsonNode definition) {}

    /** The settings a tenant admin changes here; which measures are on is changed per measure. */
    record OutcomeSettingsRequest(
            @NotNull Boolean commercial,
            @NotNull String primaryMeasure,
            @NotNull Integer notSeenWarningDays,
            @NotNull Integer notSeenAlertDays,
            @NotNull Integer maxGoals,
            @NotNull Integer linkValidityDays,
            @NotNull Integer chartLinkValidityDays,
            @Nullable Integer sendBeforeHours,
            @Nullable Integer feedbackAfterHours,
            @Nullable String feedbackMeasure,
            @NotNull Integer pcl5CutOff) {

        OutcomeSettings toSettings() {
            return new OutcomeSettings(
                    commercial,
                    Set.of(),
                    Set.of(),
                    primaryMeasure,
                    notSeenWarningDays,
                    notSeenAlertDays,
                    maxGoals,
                    linkValidityDays,
                    chartLinkValidityDays,
                    sendBeforeHours,
                    feedbackAfterHours,
                    feedbackMeasure,
                    pcl5CutOff);
        }
    }

    record Enablement(@NotNull Boolean enabled, @Nullable Boolean licenceHeld) {}

    /** The teams a measure is switched off for; it is on for every other team. */
    record TeamsOff(@NotNull Set<UUID> teamIds) {}

    record SessionTypeRequest(
            @NotNull @Size(max = 30) String code,
            @NotNull @Size(max = 60) String name,
            @NotNull List<String> measures,
            @NotNull Boolean treatment) {}

    @GetMapping("/measures")
    List<EntryView> measures() {
        return catalogue.entries().stream().map(EntryView::of).toList();
    }

    @GetMapping("/measures/{id}")
    Measure measure(@PathVariable String id) {
        return catalogue.find(id).orElseThrow(MeasureNotFound::new);
    }

    @PostMapping("/measures")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView importMeasure(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody Import body) {
        Measure measure = ownMeasures.add(user, body.definition().toString(), CatalogueEntry.Origin.IMPORTED);
        return catalogue.entries().stream()
                .filter(e -> e.measure().id().equals(measure.id()))
                .map(EntryView::of)
                .findFirst()
                .orElseThrow();
    }

    @PutMapping("/measures/{id}/enabled")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable String id, @Valid @RequestBody Enablement body) {
        if (body.enabled()) {
            catalogue.enable(id, Boolean.TRUE.equals(body.licenceHeld()));
        } else {
            catalogue.disable(id);
        }
    }

    @GetMapping("/measures/{id}/teams-off")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    TeamsOff teamsOff(@PathVariable String id) {
        return new TeamsOff(teamMeasures.teamsOff(id));
    }

    @PutMapping("/measures/{id}/teams-off")
    TeamsOff switchOff(@PathVariable String id, @Valid @RequestBody TeamsOff body) {
        return new TeamsOff(teamMeasures.switchOff(id, body.teamIds()));
    }

    @GetMapping("/outcome-settings")
    OutcomeSettingsView settings() {
        return OutcomeSettingsView.of(catalogue.settings());
    }

    @PutMapping("/outcome-settings")
    OutcomeSettingsView changeSettings(@Valid @RequestBody OutcomeSettingsRequest body) {
        return OutcomeSettingsView.of(changes.changeSettings(body.toSettings()));
    }

    @GetMapping("/session-types")
    List<OutcomeSettingsView.SessionTypeView> sessionTypes() {
        return catalogue.sessionTypes().stream()
                .map(OutcomeSettingsView.SessionTypeView::of)
                .toList();
    }

    @PutMapping("/session-types")
    List<OutcomeSettingsView.SessionTypeView> changeSessionTypes(
            @Valid @RequestBody List<@Valid SessionTypeRequest> body) {
        return changes
                .changeSessionTypes(body.stream()
                        .map(t -> new SessionType(t.code(), t.name(), t.measures(), t.treatment()))
                        .toList())
                .stream()
                .map(OutcomeSettingsView.SessionTypeView::of)
                .toList();
    }
}

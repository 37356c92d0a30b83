package org.trackwell.outcomes.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.shared.CurrentTenant;

/**
 * A tenant admin's changes to the outcome settings and the session types: each value checked
 * before anything is saved, and each change recorded as a setting change.
 */
@Service
public class OutcomeSettingsChanges {

    private static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    private final MeasureCatalogue catalogue;
    private final OutcomeSettingsRows rows;
    private final AuditTrail trail;

    OutcomeSettingsChanges(MeasureCatalogue catalogue, OutcomeSettingsRows rows, AuditTrail trail) {
        this.catalogue = catalogue;
        this.rows = rows;
        this.trail = trail;
    }

    /** The measures in use and their licences stay as they are; they change one by one. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public OutcomeSettings changeSettings(OutcomeSettings changed) {
        OutcomeSettings current = catalogue.settings();
        OutcomeSettings settings = changed.withMeasures(current.enabledMeasures(), current.licensedMeasures());
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new DefinitionInvalid(problems);
        }
        if (settings.commercial() && !current.commercial()) {
            refuseMeasuresCommercialUseBreaches(settings);
        }
        rows.save(CurrentTenant.require(), settings);
        trail.record(AuditAction.OUTCOME_SETTINGS_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges("outcome-settings", current.asSettings(), settings.asSettings());
        return settings;
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<SessionType> changeSessionTypes(List<SessionType> types) {
        OutcomeSettings settings = catalogue.settings();
        Set<String> codes = new LinkedHashSet<>();
        for (SessionType type : types) {
            if (!TYPE_CODE.matcher(type.code()).matches()
                    || type.name().isBlank()
                    || type.name().length() > 60) {
                throw new DefinitionInvalid(
                        List.of(
                                "Each session type needs a code in capitals (letters, digits, underscores) and a name of up to 60 characters."));
            }
            if (!codes.add(type.code())) {
                throw new DefinitionInvalid(List.of("Session type " + type.code() + " appears twice."));
            }
            for (String measure : type.measures()) {
                if (!settings.enabledMeasures().contains(measure)) {
                    throw new DefinitionInvalid(List.of(measure + " is not one of the service's measures."));
                }
            }
        }
        if (types.isEmpty()) {
            throw new DefinitionInvalid(List.of("The service needs at least one session type."));
        }
        List<SessionType> before = catalogue.sessionTypes();
        rows.replaceSessionTypes(CurrentTenant.require(), types);
        trail.record(AuditAction.SESSION_TYPES_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges("session-types", SessionType.asSettings(before), SessionType.asSettings(types));
        return types;
    }

    private static List<String> problems(OutcomeSettings settings) {
        List<String> problems = new ArrayList<>();
        if (!settings.enabledMeasures().contains(settings.primaryMeasure())) {
            problems.add("The primary measure must be one of the service's measures.");
        }
        requireBetween(problems, settings.notSeenWarningDays(), 1, 365, "The not-seen warning");
        requireBetween(problems, settings.notSeenAlertDays(), settings.notSeenWarningDays(), 365, "The not-seen alert");
        requireBetween(problems, settings.maxGoals(), 1, 10, "The number of goals");
        requireBetween(problems, settings.linkValidityDays(), 1, 30, "A measure link's life in days");
        requireBetween(problems, settings.chartLinkValidityDays(), 1, 90, "A chart link's life in days");
        requireBetween(
                problems,
                settings.pcl5CutOff(),
                OutcomeSettings.PCL5_CUT_OFF_LOWEST,
                OutcomeSettings.PCL5_CUT_OFF_HIGHEST,
                "The PCL-5 cut-off (the National Center for PTSD's range)");
        if (settings.sendBeforeHours() != null) {
            requireBetween(problems, settings.sendBeforeHours(), 1, 168, "Hours before a session");
        }
        if (settings.feedbackAfterHours() != null) {
            requireBetween(problems, settings.feedbackAfterHours(), 1, 72, "Hours after a session");
            if (settings.feedbackMeasure() == null
                    || !settings.enabledMeasures().contains(settings.feedbackMeasure())) {
                problems.add("Feedback after sessions needs a feedback measure the service uses.");
            }
        }
        return problems;
    }

    /** A service that becomes commercial may keep no measure whose licence forbids that without its own. */
    private void refuseMeasuresCommercialUseBreaches(OutcomeSettings settings) {
        for (String id : settings.enabledMeasures()) {
            catalogue
                    .find(id)
                    .filter(m -> !MeasureLicences.usable(
                            m, settings, settings.licensedMeasures().contains(id)))
                    .ifPresent(m -> {
                        throw new MeasureChangeRefused(MeasureLicences.problem(m, settings));
                    });
        }
    }

    private static void requireBetween(List<String> problems, int value, int low, int high, String what) {
        if (value < low || value > high) {
            problems.add(what + " must be between " + low + " and " + high + ".");
        }
    }
}

package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.CatalogueEntry.Origin;
import org.trackwell.outcomes.internal.OutcomeSettingsRows.OwnDefinition;
import org.trackwell.shared.CurrentTenant;

/**
 * The measures a tenant can use: the built-in ones, and those it imported under its own licence or
 * built. It keeps each licence: a measure the tenant's use would breach cannot be enabled, and a
 * no-derivatives measure can never be edited.
 */
@Service
public class MeasureCatalogue {

    private static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    private static final String PCL5 = "PCL-5";

    private final Map<String, Measure> builtIn;
    private final OutcomeSettingsRows rows;
    private final AuditTrail trail;
    private final Clock clock;

    MeasureCatalogue(OutcomeSettingsRows rows, AuditTrail trail, Clock clock) {
        this.builtIn =
                MeasureDefinitions.builtIn().stream().collect(Collectors.toMap(Measure::id, Function.identity()));
        this.rows = rows;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CatalogueEntry> entries() {
        OutcomeSettings settings = settings();
        List<CatalogueEntry> entries = new ArrayList<>();
        builtIn.values().stream()
                .sorted(java.util.Comparator.comparing(Measure::id))
                .forEach(measure -> entries.add(entry(asSet(measure, settings), Origin.BUILT_IN, settings)));
        for (OwnDefinition own : rows.ownDefinitions()) {
            entries.add(entry(MeasureDefinitions.parse(own.json()), own.origin(), settings));
        }
        return entries;
    }

    /** The current version of a measure, built in (as the tenant has set it) or the tenant's own. */
    @Transactional(readOnly = true)
    public Optional<Measure> find(String id) {
        Measure measure = builtIn.get(id);
        if (measure != null) {
            return Optional.of(asSet(measure, settings()));
        }
        return rows.ownDefinitions().stream()
                .filter(own -> own.id().equals(id))
                .findFirst()
                .map(own -> MeasureDefinitions.parse(own.json()));
    }

    /** The exact version answers were given to, so old answers keep their meaning. */
    @Transactional(readOnly = true)
    public Optional<Measure> version(String id, int version) {
        Measure measure = builtIn.get(id);
        if (measure != null) {
            return Optional.of(asSet(measure, settings())).filter(m -> m.version() == version);
        }
        return rows.ownDefinition(id, version).map(own -> MeasureDefinitions.parse(own.json()));
    }

    @Transactional(readOnly = true)
    public Measure requireEnabled(String id) {
        if (!settings().enabledMeasures().contains(id)) {
            throw new AnswersInvalid(id + " is not one of this service's measures.");
        }
        return find(id).orElseThrow(() -> new AnswersInvalid(id + " is not one of this service's measures."));
    }

    @Transactional(readOnly = true)
    public OutcomeSettings settings() {
        return rows.find().orElseGet(OutcomeSettings::defaults);
    }

    @Transactional(readOnly = true)
    public List<SessionType> sessionTypes() {
        List<SessionType> types = rows.sessionTypes();
        return types.isEmpty() ? SessionType.defaults() : types;
    }

    /**
     * Turns a measure on for the tenant, recording whether it holds its own licence; refused when
     * the licence would not allow the tenant's use.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void enable(String id, boolean licenceHeld) {
        Measure measure = find(id).orElseThrow(MeasureNotFound::new);
        OutcomeSettings settings = settings();
        if (!usable(measure, settings, licenceHeld)) {
            throw new MeasureChangeRefused(licenceProblem(measure, settings));
        }
        Set<String> enabled = new HashSet<>(settings.enabledMeasures());
        enabled.add(id);
        Set<String> licensed = new HashSet<>(settings.licensedMeasures());
        if (licenceHeld) {
            licensed.add(id);
        } else {
            licensed.remove(id);
        }
        rows.save(CurrentTenant.require(), settings.withMeasures(enabled, licensed));
        trail.record(AuditAction.MEASURE_ENABLED, "measure:" + id, Outcome.SUCCESS);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void disable(String id) {
        OutcomeSettings settings = settings();
        if (id.equals(settings.primaryMeasure()) || id.equals(settings.feedbackMeasure())) {
            throw new MeasureChangeRefused(
                    id + " is the service's primary or feedback measure; choose another one first.");
        }
        Set<String> enabled = new HashSet<>(settings.enabledMeasures());
        enabled.remove(id);
        rows.save(CurrentTenant.require(), settings.withMeasures(enabled, settings.licensedMeasures()));
        trail.record(AuditAction.MEASURE_DISABLED, "measure:" + id, Outcome.SUCCESS);
    }

    /**
     * Adds a definition the tenant brings (under its own licence) or built; a new version if the
     * tenant already has one with that id. Built-in ids and no-derivatives measures are refused.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Measure addOwn(SignedInUser user, String json, Origin origin) {
        Measure draft = MeasureDefinitions.parse(json);
        if (builtIn.containsKey(draft.id())) {
            throw new MeasureChangeRefused(draft.id() + " is built in and cannot be replaced or edited.");
        }
        Optional<Measure> existing = find(draft.id());
        if (existing.isPresent() && !existing.get().licence().modification()) {
            throw new MeasureChangeRefused(
                    "The licence of " + draft.id() + " does not allow changes, so it cannot be edited.");
        }
        int version = existing.map(m -> m.version() + 1).orElse(1);
        Measure measure = withVersion(draft, version);
        rows.addDefinition(
                CurrentTenant.require(),
                measure.id(),
                version,
                MeasureDefinitions.write(measure),
                origin,
                user.id(),
                clock.instant());
        trail.record(
                existing.isPresent() ? AuditAction.MEASURE_EDITED : AuditAction.MEASURE_ADDED,
                "measure:" + measure.id(),
                Outcome.SUCCESS);
        return measure;
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public OutcomeSettings changeSettings(OutcomeSettings changed) {
        OutcomeSettings current = settings();
        OutcomeSettings settings = changed.withMeasures(current.enabledMeasures(), current.licensedMeasures());
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
        if (!problems.isEmpty()) {
            throw new DefinitionInvalid(problems);
        }
        if (settings.commercial() && !current.commercial()) {
            for (String id : settings.enabledMeasures()) {
                find(id).filter(m ->
                                !usable(m, settings, settings.licensedMeasures().contains(id)))
                        .ifPresent(m -> {
                            throw new MeasureChangeRefused(licenceProblem(m, settings));
                        });
            }
        }
        rows.save(CurrentTenant.require(), settings);
        trail.record(AuditAction.OUTCOME_SETTINGS_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges("outcome-settings", current.asSettings(), settings.asSettings());
        return settings;
    }

    /** The codes of the session types whose attended sessions are treatment contacts. */
    @Transactional(readOnly = true)
    public List<String> treatmentTypes() {
        return sessionTypes().stream()
                .filter(SessionType::treatment)
                .map(SessionType::code)
                .toList();
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<SessionType> changeSessionTypes(List<SessionType> types) {
        OutcomeSettings settings = settings();
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
        List<SessionType> before = sessionTypes();
        rows.replaceSessionTypes(CurrentTenant.require(), types);
        trail.record(AuditAction.SESSION_TYPES_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges("session-types", SessionType.asSettings(before), SessionType.asSettings(types));
        return types;
    }

    private CatalogueEntry entry(Measure measure, Origin origin, OutcomeSettings settings) {
        boolean held = settings.licensedMeasures().contains(measure.id());
        return new CatalogueEntry(
                measure,
                origin,
                settings.enabledMeasures().contains(measure.id()),
                held,
                usable(measure, settings, held),
                origin != Origin.BUILT_IN && measure.licence().modification());
    }

    static boolean usable(Measure measure, OutcomeSettings settings, boolean licenceHeld) {
        Measure.Licence licence = measure.licence();
        return licenceHeld || (!licence.permissionNeeded() && (licence.commercialUse() || !settings.commercial()));
    }

    private static String licenceProblem(Measure measure, OutcomeSettings settings) {
        return measure.licence().permissionNeeded()
                ? "The licence of " + measure.id() + " requires the service to hold its own licence. "
                        + "Record that you hold one to enable it."
                : "The licence of " + measure.id() + " does not allow use by a commercial service without its "
                        + "own licence. Record that you hold one to enable it.";
    }

    private static void requireBetween(List<String> problems, int value, int low, int high, String what) {
        if (value < low || value > high) {
            problems.add(what + " must be between " + low + " and " + high + ".");
        }
    }

    /** A built-in measure with the tenant's own choices where its source leaves one: the PCL-5 cut-off. */
    private static Measure asSet(Measure measure, OutcomeSettings settings) {
        return measure.id().equals(PCL5)
                ? withCaseness(measure, new Measure.Caseness((double) settings.pcl5CutOff(), null))
                : measure;
    }

    private static Measure withCaseness(Measure m, Measure.Caseness caseness) {
        return new Measure(
                m.id(),
                m.version(),
                m.title(),
                m.stem(),
                m.higherIsWorse(),
                m.options(),
                m.items(),
                m.total(),
                m.subscales(),
                m.bands(),
                caseness,
                m.reliableChange(),
                m.riskItems(),
                m.licence(),
                m.citation(),
                m.sources());
    }

    private static Measure withVersion(Measure m, int version) {
        return new Measure(
                m.id(),
                version,
                m.title(),
                m.stem(),
                m.higherIsWorse(),
                m.options(),
                m.items(),
                m.total(),
                m.subscales(),
                m.bands(),
                m.caseness(),
                m.reliableChange(),
                m.riskItems(),
                m.licence(),
                m.citation(),
                m.sources());
    }
}

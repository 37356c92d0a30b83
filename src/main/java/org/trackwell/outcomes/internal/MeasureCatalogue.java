package org.trackwell.outcomes.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.outcomes.internal.CatalogueEntry.Origin;
import org.trackwell.outcomes.internal.OutcomeSettingsRows.OwnDefinition;
import org.trackwell.shared.CurrentTenant;

/**
 * The measures a tenant can use: the built-in ones, and those it imported under its own licence or
 * built ({@link OwnMeasures}); the outcome settings and session types they are used under ({@link
 * OutcomeSettingsChanges} changes them). It keeps each licence: a measure the tenant's use would
 * breach cannot be enabled.
 */
@Service
public class MeasureCatalogue {

    private static final String PCL5 = "PCL-5";

    private final Map<String, Measure> builtIn;
    private final OutcomeSettingsRows rows;
    private final AuditTrail trail;

    MeasureCatalogue(OutcomeSettingsRows rows, AuditTrail trail) {
        this.builtIn =
                MeasureDefinitions.builtIn().stream().collect(Collectors.toMap(Measure::id, Function.identity()));
        this.rows = rows;
        this.trail = trail;
    }

    boolean builtIn(String id) {
        return builtIn.containsKey(id);
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
        return builtIn.containsKey(id) ? find(id, settings()) : own(id);
    }

    /**
     * Each measure's current version under settings the caller has read once, found once however
     * often it is asked for: for reading many clients' scores in one request.
     */
    public Function<String, Optional<Measure>> finder(OutcomeSettings settings) {
        Map<String, Optional<Measure>> found = new HashMap<>();
        return id -> found.computeIfAbsent(id, measure -> find(measure, settings));
    }

    private Optional<Measure> find(String id, OutcomeSettings settings) {
        Measure measure = builtIn.get(id);
        return measure != null ? Optional.of(asSet(measure, settings)) : own(id);
    }

    private Optional<Measure> own(String id) {
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
        if (!MeasureLicences.usable(measure, settings, licenceHeld)) {
            throw new MeasureChangeRefused(MeasureLicences.problem(measure, settings));
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

    /** The tenant's name for each session type, by its code, as the pages show a session's type. */
    @Transactional(readOnly = true)
    public Map<String, String> sessionTypeNames() {
        return sessionTypes().stream().collect(Collectors.toMap(SessionType::code, SessionType::name));
    }

    /** The codes of the session types whose attended sessions are treatment contacts. */
    @Transactional(readOnly = true)
    public List<String> treatmentTypes() {
        return sessionTypes().stream()
                .filter(SessionType::treatment)
                .map(SessionType::code)
                .toList();
    }

    private CatalogueEntry entry(Measure measure, Origin origin, OutcomeSettings settings) {
        boolean held = settings.licensedMeasures().contains(measure.id());
        return new CatalogueEntry(
                measure,
                origin,
                settings.enabledMeasures().contains(measure.id()),
                held,
                MeasureLicences.usable(measure, settings, held),
                origin != Origin.BUILT_IN && measure.licence().modification());
    }

    /** A built-in measure with the tenant's own choices where its source leaves one: the PCL-5 cut-off. */
    private static Measure asSet(Measure measure, OutcomeSettings settings) {
        return measure.id().equals(PCL5)
                ? measure.withCaseness(new Measure.Caseness((double) settings.pcl5CutOff(), null))
                : measure;
    }
}

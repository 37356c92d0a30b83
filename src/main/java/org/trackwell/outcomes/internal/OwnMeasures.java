package org.trackwell.outcomes.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.CatalogueEntry.Origin;
import org.trackwell.shared.CurrentTenant;

/**
 * The definitions a tenant brings under its own licence or builds. Each change is a new version,
 * so answers given to an older one keep their meaning.
 */
@Service
public class OwnMeasures {

    private final MeasureCatalogue catalogue;
    private final OutcomeSettingsRows rows;
    private final AuditTrail trail;
    private final Clock clock;

    OwnMeasures(MeasureCatalogue catalogue, OutcomeSettingsRows rows, AuditTrail trail, Clock clock) {
        this.catalogue = catalogue;
        this.rows = rows;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Adds the definition, as a new version if the tenant already has one with that id. Built-in
     * ids and no-derivatives measures are refused.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Measure add(SignedInUser user, String json, Origin origin) {
        Measure draft = MeasureDefinitions.parse(json);
        if (catalogue.builtIn(draft.id())) {
            throw new MeasureChangeRefused(draft.id() + " is built in and cannot be replaced or edited.");
        }
        Optional<Measure> existing = catalogue.find(draft.id());
        if (existing.isPresent() && !existing.get().licence().modification()) {
            throw new MeasureChangeRefused(
                    "The licence of " + draft.id() + " does not allow changes, so it cannot be edited.");
        }
        Measure measure = draft.withVersion(existing.map(m -> m.version() + 1).orElse(1));
        rows.addDefinition(
                CurrentTenant.require(),
                measure.id(),
                measure.version(),
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
}

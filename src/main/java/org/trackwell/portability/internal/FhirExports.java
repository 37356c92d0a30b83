package org.trackwell.portability.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.StepUp;

/** Clients' records as FHIR R4 Bundles: one client within the user's reach, or every client for an admin. */
@Service
public class FhirExports {

    private final FhirRecords records;
    private final ClinicalRows rows;
    private final StepUp stepUp;
    private final AuditTrail trail;
    private final Clock clock;

    FhirExports(FhirRecords records, ClinicalRows rows, StepUp stepUp, AuditTrail trail, Clock clock) {
        this.records = records;
        this.rows = rows;
        this.stepUp = stepUp;
        this.trail = trail;
        this.clock = clock;
    }

    /** The client's record; the caller has reached the client and recorded the download. */
    @Transactional(readOnly = true)
    public void client(ClientRef client, OutputStream out) {
        records.write(List.of(client.id()), clock.instant(), out);
    }

    /**
     * Every client's record in one Bundle, streamed client by client, for a tenant admin who has
     * just confirmed who they are; {@code out} is asked for only once that is checked.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public long tenant(Supplier<OutputStream> out) {
        stepUp.requireRecentConfirmation();
        trail.record(AuditAction.TENANT_FHIR_EXPORTED, "tenant:" + CurrentTenant.require(), Outcome.SUCCESS);
        return records.write(rows.clients(), clock.instant(), out.get());
    }
}

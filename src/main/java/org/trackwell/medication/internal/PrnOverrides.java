package org.trackwell.medication.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseRows.StoredDose;

/**
 * An as-needed dose against its prescription's limits ({@link PrnLimits}): outside them it is
 * refused, unless a practitioner or manager gives a reason to override.
 */
@Component
class PrnOverrides {

    private final DoseRows rows;
    private final AuditTrail trail;

    PrnOverrides(DoseRows rows, AuditTrail trail) {
        this.rows = rows;
        this.trail = trail;
    }

    /**
     * @param corrected the record a correction replaces, which does not count against the limits
     * @return the reason for overriding a limit the dose breaks, or null when it keeps to them
     */
    @Nullable
    String check(
            SignedInUser user,
            ClientRef client,
            Prescription p,
            Instant givenAt,
            @Nullable DoseRecord corrected,
            @Nullable String overrideReason) {
        Optional<String> rule = PrnLimits.broken(p.limits(), givenAround(client, p, givenAt, corrected), givenAt);
        if (rule.isEmpty()) {
            return null;
        }
        if (Medicines.blank(overrideReason)) {
            throw refusedOverLimit(
                    user, client, rule.get() + " A practitioner or manager can give it anyway with a reason.");
        }
        if (!user.has(Role.PRACTITIONER) && !user.has(Role.MANAGER)) {
            throw refusedOverLimit(user, client, rule.get() + " Only a practitioner or manager can override this.");
        }
        return overrideReason.strip();
    }

    private List<Instant> givenAround(
            ClientRef client, Prescription p, Instant givenAt, @Nullable DoseRecord corrected) {
        List<DoseRecord> records =
                rows
                        .ofClient(client.id(), givenAt.minus(Duration.ofHours(24)), givenAt.plus(Duration.ofHours(24)))
                        .stream()
                        .map(StoredDose::record)
                        .filter(r -> r.prescriptionId().equals(p.id()))
                        .toList();
        return DoseRecords.standing(records).stream()
                .filter(r -> r.outcome() == DoseRecord.Outcome.GIVEN
                        && (corrected == null || !r.id().equals(corrected.id())))
                .map(DoseRecord::givenAt)
                .toList();
    }

    /** An as-needed dose refused for its limits is recorded as refused, with who, on its own. */
    private MedicationRefused refusedOverLimit(SignedInUser user, ClientRef client, String why) {
        trail.recordSeparately(
                user.asActor(), AuditAction.DOSE_PRN_LIMIT_REFUSED, client.auditTarget(), Outcome.DENIED);
        return MedicationRefused.conflict(why);
    }
}

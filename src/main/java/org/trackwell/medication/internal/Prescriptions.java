package org.trackwell.medication.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;

/**
 * A client's prescriptions as transcribed from the prescriber. Practitioners and managers start,
 * change and stop them; everyone who gives medication reads them. A change stops the old one and
 * starts a new one that names it: history is never rewritten. The instructions, what an as-needed
 * medicine is for and why one stopped warn when they look identifying.
 */
@Service
public class Prescriptions {

    private final PrescriptionRows rows;
    private final MedicineRows medicines;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    Prescriptions(
            PrescriptionRows rows,
            MedicineRows medicines,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.rows = rows;
        this.medicines = medicines;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /** For a client whose clinical record the user reaches: carers do not prescribe. */
    @Transactional
    public Prescription prescribe(SignedInUser user, ClientRef client, NewPrescription request) {
        Prescription prescription = validated(client, request, null);
        guard.check(typed(prescription, null), request.acknowledgeIdentifying(), client.auditTarget());
        rows.insert(CurrentTenant.require(), prescription, user.id());
        trail.record(AuditAction.PRESCRIPTION_STARTED, client.auditTarget(), Outcome.SUCCESS);
        return prescription;
    }

    /** Stops the prescription and starts its replacement, which names it. */
    @Transactional
    public Prescription change(SignedInUser user, ClientRef client, UUID id, NewPrescription request, String reason) {
        Prescription replacement = validated(client, request, id);
        String why = requireReason(reason);
        guard.check(typed(replacement, why), request.acknowledgeIdentifying(), client.auditTarget());
        stopOrRefuse(client, id, "Changed: " + why, user);
        rows.insert(CurrentTenant.require(), replacement, user.id());
        trail.record(AuditAction.PRESCRIPTION_CHANGED, client.auditTarget(), Outcome.SUCCESS);
        return replacement;
    }

    @Transactional
    public void stop(SignedInUser user, ClientRef client, UUID id, String reason, boolean acknowledged) {
        String why = requireReason(reason);
        guard.check(why, acknowledged, client.auditTarget());
        stopOrRefuse(client, id, why, user);
        trail.record(AuditAction.PRESCRIPTION_STOPPED, client.auditTarget(), Outcome.SUCCESS);
    }

    /** Current and stopped prescriptions, current first; carers see them too. */
    @Transactional
    public List<Prescription> of(ClientRef client) {
        return rows.ofClient(client.id());
    }

    private void stopOrRefuse(ClientRef client, UUID id, String reason, SignedInUser user) {
        if (rows.find(client.id(), id).isEmpty()) {
            throw MedicationRefused.notFound("There is no such prescription for this client.");
        }
        if (!rows.stop(client.id(), id, reason, user.id(), clock.instant())) {
            throw MedicationRefused.conflict("This prescription has already been stopped.");
        }
    }

    private Prescription validated(ClientRef client, NewPrescription r, @Nullable UUID replaces) {
        Medicine medicine = medicines
                .find(r.medicineId())
                .orElseThrow(() -> MedicationRefused.invalid("Choose one of the service's medicines."));
        List<String> problems = new ArrayList<>();
        Amounts.problem(r.dose(), "The dose", false).ifPresent(problems::add);
        if (Medicines.blank(r.unit()) || Medicines.blank(r.prescriber())) {
            problems.add("Give the dose's unit and the prescriber.");
        }
        if (r.endsOn() != null && r.endsOn().isBefore(r.startsOn())) {
            problems.add("The end date is before the start date.");
        }
        if (r.kind() == Prescription.Kind.REGULAR) {
            if (r.schedule() == null) {
                problems.add("A regular prescription needs a schedule.");
            } else {
                problems.addAll(r.schedule().problems());
            }
        } else {
            Prescription.Prn prn = r.prn();
            if (prn == null
                    || Medicines.blank(prn.indication())
                    || prn.minDose() == null
                    || prn.maxDose() == null
                    || prn.minDose().signum() <= 0
                    || prn.maxDose().compareTo(prn.minDose()) < 0
                    || prn.minIntervalMinutes() < 0
                    || prn.maxDosesPerDay() < 1) {
                problems.add("An as-needed prescription needs what it is for, a dose range, the least time between "
                        + "doses and the most doses in 24 hours.");
            } else {
                Amounts.problem(prn.minDose(), "The smallest dose", false).ifPresent(problems::add);
                Amounts.problem(prn.maxDose(), "The largest dose", false).ifPresent(problems::add);
            }
        }
        if (r.timeCritical()
                && (r.toleranceMinutes() == null || r.toleranceMinutes() < 5 || r.toleranceMinutes() > 120)) {
            problems.add("A time-critical medicine needs its tolerance, 5 to 120 minutes.");
        }
        if (!problems.isEmpty()) {
            throw MedicationRefused.invalid("The prescription cannot be used.", problems);
        }
        return new Prescription(
                ids.next(),
                client.id(),
                medicine,
                r.dose(),
                r.unit().strip(),
                Medicines.blank(r.route()) ? medicine.route() : r.route().strip(),
                Medicines.blank(r.instructions()) ? null : r.instructions().strip(),
                r.startsOn(),
                r.endsOn(),
                r.prescriber().strip(),
                r.kind(),
                r.kind() == Prescription.Kind.REGULAR ? r.schedule() : null,
                r.kind() == Prescription.Kind.PRN ? r.prn() : null,
                r.timeCritical(),
                r.timeCritical() ? r.toleranceMinutes() : null,
                replaces,
                clock.instant(),
                null,
                null);
    }

    /** What the user typed in their own words, for the identifying-text warning. */
    private static List<@Nullable String> typed(Prescription p, @Nullable String reason) {
        return Arrays.asList(p.instructions(), p.prn() == null ? null : p.prn().indication(), reason);
    }

    private static String requireReason(String reason) {
        if (Medicines.blank(reason)) {
            throw MedicationRefused.invalid("Say why.");
        }
        return reason.strip();
    }
}

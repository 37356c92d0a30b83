package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseRows.StoredDose;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * The medication administration record: each dose given or not given, once. A mistake is
 * corrected by a new record naming the one it corrects, with a reason; both stay. As-needed doses
 * keep to their limits unless a practitioner or manager overrides them with a reason; a controlled
 * drug given needs a witness, and so does any dose the service's settings name. The note and the reasons are sealed under the client's key and warn
 * when they look identifying.
 */
@Service
public class DoseRecords {

    private final PrescriptionRows prescriptions;
    private final DoseRows rows;
    private final StockRegister stock;
    private final Medicines medicines;
    private final Witnessing witnessing;
    private final PrnOverrides overrides;
    private final TenantTransactions transactions;
    private final DoseText text;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    DoseRecords(
            PrescriptionRows prescriptions,
            DoseRows rows,
            StockRegister stock,
            Medicines medicines,
            Witnessing witnessing,
            PrnOverrides overrides,
            TenantTransactions transactions,
            DoseText text,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.prescriptions = prescriptions;
        this.rows = rows;
        this.stock = stock;
        this.medicines = medicines;
        this.witnessing = witnessing;
        this.overrides = overrides;
        this.transactions = transactions;
        this.text = text;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    public DoseRecord record(SignedInUser user, ClientRef client, NewDose dose, ClientInfo info) {
        TenantId tenant = CurrentTenant.require();
        Prescription prescription = transactions.inTenant(tenant, () -> {
            warnIfIdentifying(client, dose.acknowledgeIdentifying(), dose.note(), dose.overrideReason());
            Prescription found = prescription(client, dose.prescriptionId());
            DoseRules.requirePersonConfirmed(dose);
            return found;
        });
        UserId witness = DoseRules.needsWitness(prescription, dose.outcome(), medicines.settings())
                ? witnessing.confirm(
                        user, dose.witness(), info, prescription.medicine().controlled())
                : null;
        return transactions.inTenant(tenant, () -> store(user, client, dose, witness, null, null));
    }

    /** A new record that corrects one already made; the original stays and shows beside it. */
    public DoseRecord correct(
            SignedInUser user, ClientRef client, UUID original, NewDose correction, String reason, ClientInfo info) {
        if (Medicines.blank(reason)) {
            throw MedicationRefused.invalid("Say why the record is being corrected.");
        }
        TenantId tenant = CurrentTenant.require();
        DoseRecord corrected = transactions.inTenant(tenant, () -> {
            warnIfIdentifying(client, correction.acknowledgeIdentifying(), correction.note(), reason);
            return rows.find(client.id(), original)
                    .orElseThrow(() -> MedicationRefused.notFound("There is no such dose record for this client."))
                    .record();
        });
        Prescription prescription =
                transactions.inTenant(tenant, () -> prescription(client, corrected.prescriptionId()));
        UserId witness = DoseRules.needsWitness(prescription, correction.outcome(), medicines.settings())
                ? witnessing.confirm(
                        user,
                        correction.witness(),
                        info,
                        prescription.medicine().controlled())
                : null;
        NewDose aligned = new NewDose(
                corrected.prescriptionId(),
                corrected.dueAt(),
                correction.outcome(),
                correction.reason(),
                correction.amount(),
                correction.givenAt() == null ? corrected.givenAt() : correction.givenAt(),
                correction.note(),
                null,
                correction.overrideReason(),
                correction.acknowledgeIdentifying(),
                correction.personConfirmed());
        return transactions.inTenant(tenant, () -> store(user, client, aligned, witness, corrected, reason.strip()));
    }

    /** Whether an as-needed dose helped, asked some time after it was given. */
    @Transactional
    public void recordEffect(SignedInUser user, ClientRef client, UUID dose, String effect) {
        StoredDose stored = rows.find(client.id(), dose)
                .orElseThrow(() -> MedicationRefused.notFound("There is no such dose record for this client."));
        if (!List.of("HELPED", "HELPED_A_LITTLE", "DID_NOT_HELP").contains(effect)) {
            throw MedicationRefused.invalid("Say whether it helped, helped a little or did not help.");
        }
        if (!rows.recordEffect(CurrentTenant.require(), stored.record().id(), effect, user.id(), clock.instant())) {
            throw MedicationRefused.conflict("Whether it helped has already been recorded.");
        }
        trail.record(AuditAction.DOSE_EFFECT_RECORDED, client.auditTarget(), Outcome.SUCCESS);
    }

    /**
     * Every record in the period, corrections included, with its free text opened. The request
     * that reads it records the reading ({@code ReachedClient}).
     */
    @Transactional
    public List<DoseRecord> history(ClientRef client, Instant from, Instant to) {
        return rows.ofClient(client.id(), from, to).stream().map(text::opened).toList();
    }

    /** The records that stand: those no later record corrects. */
    static List<DoseRecord> standing(List<DoseRecord> records) {
        Set<UUID> corrected = new HashSet<>();
        records.forEach(r -> {
            if (r.corrects() != null) {
                corrected.add(r.corrects());
            }
        });
        return records.stream().filter(r -> !corrected.contains(r.id())).toList();
    }

    private Prescription prescription(ClientRef client, @Nullable UUID id) {
        if (id == null) {
            throw MedicationRefused.invalid("Say which prescription the dose is for.");
        }
        return prescriptions
                .find(client.id(), id)
                .orElseThrow(() -> MedicationRefused.notFound("There is no such prescription for this client."));
    }

    private DoseRecord store(
            SignedInUser user,
            ClientRef client,
            NewDose dose,
            @Nullable UserId witness,
            @Nullable DoseRecord corrected,
            @Nullable String correctionReason) {
        Prescription p = prescription(client, dose.prescriptionId());
        // One record at a time per prescription: two carers giving the same as-needed dose at once
        // each see the other's dose before checking the limits.
        prescriptions.lock(client.id(), p.id());
        MedicationSettings settings = medicines.settings();
        Instant now = clock.instant();
        Instant givenAt = dose.givenAt() == null ? now : dose.givenAt();
        if (givenAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw MedicationRefused.invalid("A dose cannot be recorded as given in the future.");
        }
        String note = Medicines.blank(dose.note()) ? null : dose.note().strip();
        DoseRules.requireOutcome(dose, note);
        BigDecimal amount = null;
        String override = null;
        if (p.kind() == Prescription.Kind.REGULAR) {
            amount = DoseRules.regularAmount(p, dose, settings, now);
        } else {
            if (dose.dueAt() != null) {
                throw MedicationRefused.invalid("An as-needed dose has no due time.");
            }
            if (dose.outcome() == DoseRecord.Outcome.GIVEN) {
                amount = DoseRules.asNeededAmount(p, dose);
                override = overrides.check(user, client, p, givenAt, corrected, dose.overrideReason());
            }
        }
        if (corrected == null && !p.active()) {
            throw MedicationRefused.conflict("This prescription has been stopped.");
        }
        if (amount != null) {
            Amounts.require(amount, "The amount given");
        }
        UUID id = ids.next();
        DoseRecord record = new DoseRecord(
                id,
                p.id(),
                dose.dueAt(),
                dose.outcome(),
                dose.outcome() == DoseRecord.Outcome.NOT_GIVEN ? dose.reason() : null,
                amount,
                givenAt,
                note,
                user.id(),
                witness,
                override,
                corrected == null ? null : corrected.id(),
                correctionReason,
                now);
        boolean stored = rows.insert(
                CurrentTenant.require(),
                client.id(),
                record,
                text.sealed(client.id(), id, note, override, correctionReason));
        if (!stored) {
            throw MedicationRefused.conflict(
                    corrected == null
                            ? "This dose has already been recorded. Correct the record instead."
                            : "That record has already been corrected. Correct the latest record instead.");
        }
        stock.administered(client, p, record, corrected, user);
        trail.record(
                corrected == null ? AuditAction.DOSE_RECORDED : AuditAction.DOSE_CORRECTED,
                client.auditTarget(),
                Outcome.SUCCESS);
        if (override != null) {
            trail.record(AuditAction.DOSE_PRN_LIMIT_OVERRIDDEN, client.auditTarget(), Outcome.SUCCESS);
        }
        return record;
    }

    /**
     * The note and reason the user typed, checked before anything else happens (a witness's code is
     * used only once): saved only once they say they meant it if they look identifying.
     */
    private void warnIfIdentifying(
            ClientRef client, boolean acknowledged, @Nullable String note, @Nullable String reason) {
        guard.check(Arrays.asList(note, reason), acknowledged, client.auditTarget());
    }
}

package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;

/** The medicines a tenant gives and how it runs medication. */
@Service
public class Medicines {

    private final MedicineRows rows;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    Medicines(MedicineRows rows, AuditTrail trail, Ids ids, Clock clock) {
        this.rows = rows;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Medicine> list() {
        return rows.list();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER', 'TENANT_ADMIN')")
    public Medicine add(
            String name,
            String form,
            String strength,
            String route,
            boolean controlled,
            @Nullable Integer cdSchedule,
            @Nullable String notes) {
        if (blank(name) || blank(form) || blank(strength) || blank(route)) {
            throw MedicationRefused.invalid("A medicine needs a name, form, strength and route.");
        }
        if (controlled != (cdSchedule != null) || (cdSchedule != null && (cdSchedule < 1 || cdSchedule > 5))) {
            throw MedicationRefused.invalid(
                    "A controlled drug needs its schedule (1 to 5); other medicines have none.");
        }
        Medicine medicine = new Medicine(
                ids.next(),
                name.strip(),
                form.strip(),
                strength.strip(),
                route.strip(),
                controlled,
                cdSchedule,
                blank(notes) ? null : notes.strip());
        if (!rows.insert(CurrentTenant.require(), medicine, clock.instant())) {
            throw MedicationRefused.conflict("The service already has " + medicine.label() + ".");
        }
        trail.record(AuditAction.MEDICINE_ADDED, "medicine:" + medicine.id(), Outcome.SUCCESS);
        return medicine;
    }

    @Transactional(readOnly = true)
    public MedicationSettings settings() {
        return rows.settings().orElseGet(MedicationSettings::defaults);
    }

    /**
     * A tenant admin changes how the service runs medication; {@code shown} (what the round shows to
     * identify people), {@code witnessed} and {@code stockCountDays} stay as they were when absent.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public MedicationSettings changeSettings(
            String zone,
            int tolerance,
            int prnEffect,
            int lowStock,
            int expiry,
            @Nullable Set<RoundIdentification> shown,
            @Nullable WitnessedDoses witnessed,
            @Nullable Integer stockCountDays) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw MedicationRefused.invalid("That is not a time zone, such as Europe/London.");
        }
        if (tolerance < 5
                || tolerance > 240
                || prnEffect < 10
                || prnEffect > 480
                || lowStock < 1
                || lowStock > 90
                || expiry < 1
                || expiry > 365
                || (stockCountDays != null && (stockCountDays < 1 || stockCountDays > 31))) {
            throw MedicationRefused.invalid("Tolerance 5 to 240 minutes, PRN follow-up 10 to 480 minutes, low stock"
                    + " 1 to 90 days, expiry 1 to 365 days, stock counts every 1 to 31 days.");
        }
        MedicationSettings before = settings();
        return save(
                before,
                new MedicationSettings(
                        zoneId,
                        tolerance,
                        prnEffect,
                        lowStock,
                        expiry,
                        shown == null ? before.roundIdentification() : shown,
                        witnessed == null ? before.witnessedDoses() : witnessed,
                        stockCountDays == null ? before.stockCountDays() : stockCountDays));
    }

    /** A tenant admin chooses what the round shows beside each client's code: at least one thing. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public MedicationSettings changeRoundIdentification(Set<RoundIdentification> shown) {
        MedicationSettings before = settings();
        return save(
                before,
                new MedicationSettings(
                        before.zone(),
                        before.toleranceMinutes(),
                        before.prnEffectMinutes(),
                        before.lowStockDays(),
                        before.expiryWarningDays(),
                        shown,
                        before.witnessedDoses(),
                        before.stockCountDays()));
    }

    /**
     * Saves the settings; a change of what the round shows is recorded with what it was and what it
     * is now, since it decides how carers tell one person from another.
     */
    private MedicationSettings save(MedicationSettings before, MedicationSettings changed) {
        if (changed.roundIdentification().isEmpty()) {
            throw MedicationRefused.invalid(
                    "Choose at least one thing the round shows to identify people: preferred name, room or photo.",
                    List.of("roundIdentification: choose at least one of PREFERRED_NAME, ROOM, PHOTO"));
        }
        rows.saveSettings(CurrentTenant.require(), changed);
        trail.record(AuditAction.MEDICATION_SETTINGS_CHANGED, null, Outcome.SUCCESS);
        trail.recordSettingChanges(
                "medication-settings", MedicationSettingsAudit.of(before), MedicationSettingsAudit.of(changed));
        if (!before.roundIdentification().equals(changed.roundIdentification())) {
            trail.record(
                    AuditAction.MEDICATION_ROUND_IDENTIFICATION_CHANGED,
                    "round-identification:" + MedicineRows.joined(before.roundIdentification()) + "->"
                            + MedicineRows.joined(changed.roundIdentification()),
                    Outcome.SUCCESS);
        }
        return changed;
    }

    @Contract("null -> true")
    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}

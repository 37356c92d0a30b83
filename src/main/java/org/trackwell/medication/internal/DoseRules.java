package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a dose record must say to be kept: its outcome, a reason when not given, and an amount that fits. */
final class DoseRules {

    private static final int MAX_NOTE = 2_000;

    private DoseRules() {}

    static boolean needsWitness(Prescription prescription, DoseRecord.Outcome outcome, MedicationSettings settings) {
        return outcome == DoseRecord.Outcome.GIVEN && settings.needsWitness(prescription);
    }

    /**
     * The right-person check: a dose is recorded only once the carer has confirmed they checked the
     * person against what the round shows. A correction amends a record made that way and is not
     * asked again.
     */
    static void requirePersonConfirmed(NewDose dose) {
        if (!dose.personConfirmed()) {
            throw MedicationRefused.invalid(
                    "Check that this is the right person, and confirm it, before recording the dose.",
                    List.of("personConfirmed: must be true, once you have checked the person against what the round"
                            + " shows"));
        }
    }

    static void requireOutcome(NewDose dose, @Nullable String note) {
        if (dose.outcome() == DoseRecord.Outcome.NOT_GIVEN && dose.reason() == null) {
            throw MedicationRefused.invalid("Say why the dose was not given.");
        }
        if (dose.reason() == NotGivenReason.OTHER && note == null) {
            throw MedicationRefused.invalid("Say what the other reason was in the note.");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw MedicationRefused.invalid("A note can be at most " + MAX_NOTE + " characters.");
        }
    }

    /** A regular dose given: the amount due at its time unless less was given, never more. */
    static @Nullable BigDecimal regularAmount(Prescription p, NewDose dose, MedicationSettings settings, Instant now) {
        BigDecimal due = dueDose(p, dose.dueAt(), settings, now);
        BigDecimal amount =
                dose.outcome() == DoseRecord.Outcome.GIVEN ? (dose.amount() == null ? due : dose.amount()) : null;
        if (amount != null && amount.compareTo(due) > 0) {
            throw MedicationRefused.invalid(
                    "The amount given cannot be more than the " + due.toPlainString() + " " + p.unit() + " due.");
        }
        return amount;
    }

    /** An as-needed dose given: within the prescription's least and most per dose. */
    static BigDecimal asNeededAmount(Prescription p, NewDose dose) {
        BigDecimal amount = dose.amount() == null ? p.limits().minDose() : dose.amount();
        if (amount.compareTo(p.limits().minDose()) < 0
                || amount.compareTo(p.limits().maxDose()) > 0) {
            throw MedicationRefused.invalid(
                    "The dose must be from " + p.limits().minDose().toPlainString() + " to "
                            + p.limits().maxDose().toPlainString() + " " + p.unit() + ".");
        }
        return amount;
    }

    /** The dose due at that time, refusing a time the schedule does not have or that is not due yet. */
    private static BigDecimal dueDose(
            Prescription p, @Nullable Instant dueAt, MedicationSettings settings, Instant now) {
        if (dueAt == null) {
            throw MedicationRefused.invalid("Say which due dose this is.");
        }
        List<DoseSchedule.Due> due = p.dueBetween(dueAt, dueAt.plusMillis(1), settings.zone());
        if (due.isEmpty()) {
            throw MedicationRefused.invalid("No dose of this prescription is due at that time.");
        }
        if (dueAt.minus(p.tolerance(settings)).isAfter(now)) {
            throw MedicationRefused.conflict("This dose is not due yet.");
        }
        return due.getFirst().dose();
    }
}

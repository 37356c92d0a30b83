package org.trackwell.medication.internal;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a tenant runs medication.
 *
 * @param toleranceMinutes how long either side of the due time a dose counts as on time, unless
 *     the prescription is time-critical and sets its own
 * @param prnEffectMinutes how long after an as-needed dose to ask whether it worked
 * @param lowStockDays warn when stock covers fewer days than this of the regular doses
 * @param expiryWarningDays warn about stock that expires within this many days
 * @param roundIdentification what the round shows beside each client's code, at least one
 * @param witnessedDoses which doses given need a witness; controlled drugs always do
 * @param stockCountDays a controlled drug's stock is due a count when its last count is this many
 *     days old
 */
public record MedicationSettings(
        ZoneId zone,
        int toleranceMinutes,
        int prnEffectMinutes,
        int lowStockDays,
        int expiryWarningDays,
        Set<RoundIdentification> roundIdentification,
        WitnessedDoses witnessedDoses,
        int stockCountDays) {

    /** The safe default: the preferred name and the room, which need no photo to be taken. */
    public static final Set<RoundIdentification> DEFAULT_IDENTIFICATION =
            Set.copyOf(EnumSet.of(RoundIdentification.PREFERRED_NAME, RoundIdentification.ROOM));

    public MedicationSettings {
        roundIdentification = Set.copyOf(roundIdentification);
    }

    public static MedicationSettings defaults() {
        return new MedicationSettings(
                ZoneId.of("Europe/London"),
                60,
                60,
                7,
                30,
                DEFAULT_IDENTIFICATION,
                WitnessedDoses.CONTROLLED_DRUGS_ONLY,
                7);
    }

    public boolean shows(RoundIdentification identification) {
        return roundIdentification.contains(identification);
    }

    /** Whether a dose of this prescription, given, needs a second member of staff to witness it. */
    public boolean needsWitness(Prescription prescription) {
        return prescription.medicine().controlled() || witnessedDoses.covers(prescription);
    }
}

package org.trackwell.medication.internal;

/**
 * Which doses given need a second member of staff to witness them. Controlled drugs always do,
 * whatever the service chooses, because the law requires it.
 */
public enum WitnessedDoses {
    CONTROLLED_DRUGS_ONLY("controlled drugs only"),
    CONTROLLED_DRUGS_AND_AS_NEEDED("controlled drugs and as-needed (PRN) doses"),
    EVERY_DOSE("every dose");

    private final String words;

    WitnessedDoses(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Whether a dose of this prescription, given, needs a witness. */
    boolean covers(Prescription prescription) {
        return switch (this) {
            case CONTROLLED_DRUGS_ONLY -> prescription.medicine().controlled();
            case CONTROLLED_DRUGS_AND_AS_NEEDED ->
                prescription.medicine().controlled() || prescription.kind() == Prescription.Kind.PRN;
            case EVERY_DOSE -> true;
        };
    }
}

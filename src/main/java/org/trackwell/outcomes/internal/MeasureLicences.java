package org.trackwell.outcomes.internal;

/** Whether a measure's licence allows the tenant's use, and what to tell an admin when it does not. */
final class MeasureLicences {

    private MeasureLicences() {}

    static boolean usable(Measure measure, OutcomeSettings settings, boolean licenceHeld) {
        Measure.Licence licence = measure.licence();
        return licenceHeld || (!licence.permissionNeeded() && (licence.commercialUse() || !settings.commercial()));
    }

    static String problem(Measure measure, OutcomeSettings settings) {
        return measure.licence().permissionNeeded()
                ? "The licence of " + measure.id() + " requires the service to hold its own licence. "
                        + "Record that you hold one to enable it."
                : "The licence of " + measure.id() + " does not allow use by a commercial service without its "
                        + "own licence. Record that you hold one to enable it.";
    }
}

package org.trackwell.medication;

import java.time.ZoneId;

/**
 * How a tenant runs medication.
 *
 * @param toleranceMinutes how long either side of the due time a dose counts as on time, unless
 *     the prescription is time-critical and sets its own
 * @param prnEffectMinutes how long after an as-needed dose to ask whether it worked
 * @param lowStockDays warn when stock covers fewer days than this of the regular doses
 * @param expiryWarningDays warn about stock that expires within this many days
 */
public record MedicationSettings(
        ZoneId zone, int toleranceMinutes, int prnEffectMinutes, int lowStockDays, int expiryWarningDays) {

    public static MedicationSettings defaults() {
        return new MedicationSettings(ZoneId.of("Europe/London"), 60, 60, 7, 30);
    }
}

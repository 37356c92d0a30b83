package org.trackwell.medication.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.medication.internal.Medicine;

/** A medicine of the service's list, as the API shows it. */
record MedicineView(
        UUID id,
        String name,
        String form,
        String strength,
        String route,
        boolean controlled,
        @Nullable Integer cdSchedule,
        @Nullable String notes) {

    static MedicineView of(Medicine medicine) {
        return new MedicineView(
                medicine.id(),
                medicine.name(),
                medicine.form(),
                medicine.strength(),
                medicine.route(),
                medicine.controlled(),
                medicine.cdSchedule(),
                medicine.notes());
    }
}

package org.trackwell.medication.internal;

import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.shared.ServiceTimeZone;

/** The service's time zone as the medication settings hold it, for every module. */
@Component
class MedicationTimeZone implements ServiceTimeZone {

    private final Medicines medicines;

    MedicationTimeZone(Medicines medicines) {
        this.medicines = medicines;
    }

    @Override
    @Transactional(readOnly = true)
    public ZoneId zone() {
        return medicines.settings().zone();
    }
}

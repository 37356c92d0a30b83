package org.trackwell.medication;

import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.medication.internal.Medicines;

/**
 * The current tenant's time zone, which its medication settings hold today: the one place other
 * modules read the service's local time from (monitoring's working hours).
 */
@Service
public class ServiceTimeZone {

    private final Medicines medicines;

    ServiceTimeZone(Medicines medicines) {
        this.medicines = medicines;
    }

    @Transactional(readOnly = true)
    public ZoneId zone() {
        return medicines.settings().zone();
    }
}

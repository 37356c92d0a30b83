package org.trackwell.medication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.ClientRef;

/** A client's prescriptions running today, for a summary another module prints. */
public interface CurrentMedication {

    /**
     * One prescription running today.
     *
     * @param dose the dose with its unit and route, as the MAR says it ("2 tablets, oral")
     * @param how "Regular" or "As needed", with the most doses a day for the latter
     */
    record Prescribed(
            UUID medicineId,
            String medicine,
            String dose,
            String how,
            LocalDate startsOn,
            @Nullable LocalDate endsOn,
            String prescriber) {}

    List<Prescribed> of(ClientRef client);
}

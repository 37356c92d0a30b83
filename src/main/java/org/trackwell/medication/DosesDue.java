package org.trackwell.medication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.ClientRef;

/**
 * The regular doses due to a client in a period and what became of each, by the medication
 * module's own rules (the schedule in the service's time zone, corrections standing in for what
 * they correct, the tolerance window), for the reports another module adds up.
 */
public interface DosesDue {

    /** What became of a due dose: given, recorded as not given, or missed (its window passed with nothing recorded). */
    enum Result {
        GIVEN,
        NOT_GIVEN,
        MISSED
    }

    /**
     * One due dose.
     *
     * @param medicineId the service's medicine
     * @param medicine the medicine as staff name it (name, strength, form)
     * @param reason for a dose not given, why in words
     */
    record DueDose(
            UUID medicineId,
            String medicine,
            Instant dueAt,
            Result result,
            @Nullable String reason) {}

    /**
     * The doses due on the days from {@code first} to {@code last} (both included, in the service's
     * time zone) that are settled: given, not given, or missed. A dose whose window is still open
     * and nothing recorded is not yet counted.
     */
    List<DueDose> of(ClientRef client, LocalDate first, LocalDate last);
}

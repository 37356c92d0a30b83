package org.trackwell.medication.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A month's MAR as it is printed, a legal record: the chart, and every dose recorded in the month,
 * corrections and corrected entries alike, with the names of who recorded and witnessed each, and
 * when and by whom it was printed.
 *
 * @param service the service's name, as the tenant is known
 * @param client the client's pseudonym code
 * @param zone the time zone the service gives medication in, which every time is shown in
 */
public record MarPrintout(
        String service,
        String client,
        MarChart chart,
        List<Entry> entries,
        ZoneId zone,
        Instant printedAt,
        String printedBy) {

    /** A dose record with its free text opened and the staff named. */
    public record Entry(
            Prescription prescription,
            DoseRecord record,
            String recordedBy,
            @Nullable String witness) {}
}

package org.trackwell.medication.internal;

import java.time.Instant;
import java.util.UUID;
import org.trackwell.clients.PseudonymCode;

/** Something a team's managers must look at: a missed dose, or stock that does not add up. */
public record MedicationAlert(UUID id, PseudonymCode client, Kind kind, String message, Instant raisedAt) {

    public enum Kind {
        MISSED_DOSE,
        STOCK_DISCREPANCY
    }
}

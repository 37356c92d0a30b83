package org.trackwell.medication.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.PseudonymCode;

/** A scheduled dose on the round: when it is due, its window, and what has happened to it. */
public record RoundDose(
        UUID clientId,
        PseudonymCode client,
        Prescription prescription,
        Instant dueAt,
        java.math.BigDecimal dose,
        Instant windowStart,
        Instant windowEnd,
        Status status,
        @Nullable DoseRecord record) {

    /** Overdue and due first; missed ones stay on the round until someone records them. */
    public enum Status {
        OVERDUE,
        DUE,
        MISSED,
        UPCOMING,
        GIVEN,
        NOT_GIVEN
    }
}

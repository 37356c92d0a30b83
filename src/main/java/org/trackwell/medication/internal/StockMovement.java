package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.UserId;

/**
 * A change to a client's stock of a medicine: received, given, returned, disposed of, or a count.
 *
 * @param quantity the change to the balance (negative for what leaves); zero for a count
 * @param counted for a count, what was counted
 */
public record StockMovement(
        UUID id,
        UUID medicineId,
        Kind kind,
        BigDecimal quantity,
        @Nullable BigDecimal counted,
        @Nullable String batch,
        @Nullable LocalDate expiresOn,
        @Nullable String reason,
        @Nullable UUID doseRecordId,
        UserId recordedBy,
        @Nullable UserId witness,
        Instant recordedAt) {

    public enum Kind {
        RECEIPT,
        ADMINISTRATION,
        RETURN,
        DISPOSAL,
        COUNT
    }
}

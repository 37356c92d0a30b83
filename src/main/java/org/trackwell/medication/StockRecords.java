package org.trackwell.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.ClientRef;

/**
 * The service's medicines and each client's stock of them as the medication module keeps it, for
 * the controlled-drug register and the stock discrepancies another module reports. Why stock
 * left stays sealed in the client's record.
 */
public interface StockRecords {

    /** A medicine the service gives, as staff name it (name, strength, form). */
    record MedicineName(UUID id, String name, boolean controlled) {}

    /**
     * How stock moved: received, given as a dose, put back or taken by a dose's correction, returned
     * to the pharmacy, destroyed, or counted.
     */
    enum Entry {
        RECEIVED,
        GIVEN,
        DOSE_CORRECTED,
        RETURNED,
        DESTROYED,
        COUNTED
    }

    /**
     * One line of a controlled drug's register for a client.
     *
     * @param quantity the change to the balance, negative for stock that left; zero for a count
     * @param counted for a count, what was counted
     * @param balance the balance after this line
     * @param recordedBy and {@code witness}: users' ids
     */
    record RegisterLine(
            UUID medicineId,
            String medicine,
            Instant at,
            Entry entry,
            BigDecimal quantity,
            @Nullable BigDecimal counted,
            BigDecimal balance,
            @Nullable String batch,
            UUID recordedBy,
            @Nullable UUID witness) {}

    /**
     * A count that differed from the balance the record held.
     *
     * @param acknowledgedBy the manager who acknowledged the alert it raised, if one has
     */
    record Discrepancy(
            UUID medicineId,
            String medicine,
            Instant countedAt,
            BigDecimal balance,
            BigDecimal counted,
            UUID countedBy,
            @Nullable UUID witness,
            @Nullable UUID acknowledgedBy,
            @Nullable Instant acknowledgedAt) {

        /** What was counted less what the record held: negative when stock is short. */
        public BigDecimal difference() {
            return counted.subtract(balance);
        }
    }

    /** The service's medicines, by name. */
    List<MedicineName> medicines();

    /** Every line of the client's controlled drugs' stock, by medicine, oldest first, with the balance after each. */
    List<RegisterLine> controlledRegister(ClientRef client);

    /** The client's counts on the days from {@code first} to {@code last} (both included, in the service's time zone) that differed from the balance. */
    List<Discrepancy> discrepancies(ClientRef client, LocalDate first, LocalDate last);
}

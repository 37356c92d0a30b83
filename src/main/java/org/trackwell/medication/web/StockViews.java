package org.trackwell.medication.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.medication.internal.Stock;
import org.trackwell.medication.internal.StockLevels;
import org.trackwell.medication.internal.StockMovement;
import org.trackwell.shared.UserId;

/** A client's medicine stock as the API shows it. */
final class StockViews {

    private StockViews() {}

    /** One medicine's balance, how long it lasts, and the batches about to expire. */
    record StockLineView(
            MedicineView medicine,
            BigDecimal balance,
            @Nullable BigDecimal daysLeft,
            boolean low,
            List<LocalDate> expiring,
            @Nullable Instant lastCounted,
            boolean countDue) {

        static StockLineView of(StockLevels.StockLine line) {
            return new StockLineView(
                    MedicineView.of(line.medicine()),
                    line.balance(),
                    line.daysLeft(),
                    line.low(),
                    line.expiring(),
                    line.lastCounted(),
                    line.countDue());
        }
    }

    /** One movement of stock; who recorded and who witnessed it are users' ids. */
    record StockMovementView(
            UUID id,
            UUID medicineId,
            StockMovement.Kind kind,
            BigDecimal quantity,
            @Nullable BigDecimal counted,
            @Nullable String batch,
            @Nullable LocalDate expiresOn,
            @Nullable String reason,
            @Nullable UUID doseRecordId,
            UUID recordedBy,
            @Nullable UUID witness,
            Instant recordedAt) {

        static StockMovementView of(StockMovement movement) {
            UserId witness = movement.witness();
            return new StockMovementView(
                    movement.id(),
                    movement.medicineId(),
                    movement.kind(),
                    movement.quantity(),
                    movement.counted(),
                    movement.batch(),
                    movement.expiresOn(),
                    movement.reason(),
                    movement.doseRecordId(),
                    movement.recordedBy().value(),
                    witness == null ? null : witness.value(),
                    movement.recordedAt());
        }
    }

    /** What a count found against the balance. */
    record CountResultView(BigDecimal expected, BigDecimal counted, boolean matches) {

        static CountResultView of(Stock.CountResult result) {
            return new CountResultView(result.expected(), result.counted(), result.matches());
        }
    }
}

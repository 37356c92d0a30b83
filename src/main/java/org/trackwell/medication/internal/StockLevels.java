package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientRef;

/**
 * How much of each medicine a client has, and the warnings: stock that runs out within the
 * service's low-stock days at the prescribed doses, batches that expire soon, and a controlled
 * drug whose stock has not been counted within the service's stock-count days.
 */
@Service
public class StockLevels {

    /** One medicine's stock for a client, with its warnings. */
    public record StockLine(
            Medicine medicine,
            BigDecimal balance,
            @Nullable BigDecimal daysLeft,
            boolean low,
            List<LocalDate> expiring,
            @Nullable Instant lastCounted,
            boolean countDue) {}

    private final StockRows rows;
    private final MedicineRows medicines;
    private final PrescriptionRows prescriptions;
    private final Medicines settings;
    private final Clock clock;

    StockLevels(
            StockRows rows, MedicineRows medicines, PrescriptionRows prescriptions, Medicines settings, Clock clock) {
        this.rows = rows;
        this.medicines = medicines;
        this.prescriptions = prescriptions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The request that reads it records the reading. */
    @Transactional
    public List<StockLine> of(ClientRef client) {
        MedicationSettings medication = settings.settings();
        Instant now = clock.instant();
        LocalDate today = now.atZone(medication.zone()).toLocalDate();
        List<Prescription> running = prescriptions.ofClient(client.id()).stream()
                .filter(Prescription::active)
                .toList();
        List<StockLine> lines = new ArrayList<>();
        for (UUID medicineId : rows.medicinesOf(client.id())) {
            Medicine medicine = medicines.find(medicineId).orElseThrow();
            BigDecimal balance = rows.balance(client.id(), medicineId);
            BigDecimal perDay = dailyUse(running, medicineId, now, medication);
            BigDecimal daysLeft = perDay.signum() == 0 ? null : balance.divide(perDay, 1, RoundingMode.DOWN);
            boolean low = daysLeft != null && daysLeft.compareTo(BigDecimal.valueOf(medication.lowStockDays())) < 0;
            List<LocalDate> expiring = balance.signum() > 0
                    ? rows.expiringBy(client.id(), medicineId, today.plusDays(medication.expiryWarningDays()))
                    : List.of();
            Optional<StockRows.CountedSince> counted = rows.countedSince(client.id(), medicineId);
            boolean countDue = medicine.controlled()
                    && counted.map(c -> c.dueBy(now, medication.stockCountDays()))
                            .orElse(false);
            lines.add(new StockLine(
                    medicine,
                    balance,
                    daysLeft,
                    low,
                    expiring,
                    counted.map(StockRows.CountedSince::lastCounted).orElse(null),
                    countDue));
        }
        return lines;
    }

    /** The regular doses of the medicine over the coming week, as a daily average. */
    private static BigDecimal dailyUse(
            List<Prescription> running, UUID medicine, Instant now, MedicationSettings settings) {
        BigDecimal week = BigDecimal.ZERO;
        for (Prescription p : running) {
            if (p.medicine().id().equals(medicine) && p.kind() == Prescription.Kind.REGULAR) {
                for (DoseSchedule.Due due : p.dueBetween(now, now.plus(Duration.ofDays(7)), settings.zone())) {
                    week = week.add(due.dose());
                }
            }
        }
        return week.divide(BigDecimal.valueOf(7), 3, RoundingMode.HALF_UP);
    }
}

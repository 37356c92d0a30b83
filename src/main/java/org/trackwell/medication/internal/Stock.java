package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.medication.internal.StockRows.StoredMovement;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * A client's stock of each medicine: receipts, doses given, returns and disposals, and counts. The
 * balance is the sum of the movements, so it is never typed in. A controlled drug received,
 * returned or disposed of needs a witness; a count that differs from the balance alerts the
 * team's managers. The controlled-drug register is the movements with their running balance. Why
 * stock left is sealed under the client's key and warns when it looks identifying.
 */
@Service
public class Stock {

    private final StockRows rows;
    private final MedicineRows medicines;
    private final PrescriptionRows prescriptions;
    private final AlertRows alerts;
    private final Medicines settings;
    private final Witnessing witnessing;
    private final TenantTransactions transactions;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    Stock(
            StockRows rows,
            MedicineRows medicines,
            PrescriptionRows prescriptions,
            AlertRows alerts,
            Medicines settings,
            Witnessing witnessing,
            TenantTransactions transactions,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.rows = rows;
        this.medicines = medicines;
        this.prescriptions = prescriptions;
        this.alerts = alerts;
        this.settings = settings;
        this.witnessing = witnessing;
        this.transactions = transactions;
        this.encryption = encryption;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /** One medicine's stock for a client, with its warnings. */
    public record StockLine(
            Medicine medicine,
            BigDecimal balance,
            @Nullable BigDecimal daysLeft,
            boolean low,
            List<LocalDate> expiring) {}

    /** A line of the register: the movement and the balance after it. */
    public record RegisterLine(StockMovement movement, BigDecimal balance) {}

    /** What a count found. */
    public record CountResult(BigDecimal expected, BigDecimal counted, boolean matches) {}

    public StockMovement receive(
            SignedInUser user,
            ClientRef client,
            UUID medicine,
            BigDecimal quantity,
            @Nullable String batch,
            @Nullable LocalDate expiresOn,
            @Nullable Witness witness,
            ClientInfo info) {
        requirePositive(quantity);
        return witnessed(
                user,
                client,
                medicine,
                witness,
                info,
                witnessId -> move(
                        user,
                        client,
                        medicine,
                        StockMovement.Kind.RECEIPT,
                        quantity,
                        null,
                        batch,
                        expiresOn,
                        null,
                        witnessId));
    }

    /** Stock that leaves other than as a dose: returned to the pharmacy, or disposed of. */
    public StockMovement remove(
            SignedInUser user,
            ClientRef client,
            UUID medicine,
            StockMovement.Kind kind,
            BigDecimal quantity,
            String reason,
            @Nullable Witness witness,
            ClientInfo info,
            boolean acknowledged) {
        requirePositive(quantity);
        if (kind != StockMovement.Kind.RETURN && kind != StockMovement.Kind.DISPOSAL) {
            throw MedicationRefused.invalid("Stock leaves as a return or a disposal.");
        }
        if (Medicines.blank(reason)) {
            throw MedicationRefused.invalid("Say why the stock is leaving.");
        }
        // Before the witness confirms: a witness's code is used only once.
        transactions.inTenant(CurrentTenant.require(), () -> {
            guard.check(reason, acknowledged, client.auditTarget());
            return null;
        });
        return witnessed(
                user,
                client,
                medicine,
                witness,
                info,
                witnessId -> move(
                        user, client, medicine, kind, quantity.negate(), null, null, null, reason.strip(), witnessId));
    }

    /** A count of what is there; if it differs from the balance, the team's managers are alerted. */
    public CountResult count(
            SignedInUser user,
            ClientRef client,
            UUID medicine,
            BigDecimal counted,
            @Nullable Witness witness,
            ClientInfo info) {
        Amounts.problem(counted, "The number counted", true).ifPresent(why -> {
            throw MedicationRefused.invalid(why);
        });
        return witnessed(user, client, medicine, witness, info, witnessId -> {
            BigDecimal expected = rows.balance(client.id(), medicine);
            StockMovement count = move(
                    user,
                    client,
                    medicine,
                    StockMovement.Kind.COUNT,
                    BigDecimal.ZERO,
                    counted,
                    null,
                    null,
                    null,
                    witnessId);
            boolean matches = expected.compareTo(counted) == 0;
            if (!matches) {
                Medicine m = medicines.find(medicine).orElseThrow();
                alerts.insert(
                        CurrentTenant.require(),
                        ids.next(),
                        client.teamId(),
                        client.id(),
                        MedicationAlert.Kind.STOCK_DISCREPANCY,
                        client.code() + ": " + m.label() + " counted " + counted.toPlainString() + ", the record says "
                                + expected.toPlainString() + ".",
                        clock.instant(),
                        count.id());
                trail.record(AuditAction.STOCK_DISCREPANCY, client.auditTarget(), Outcome.SUCCESS);
            }
            return new CountResult(expected, counted, matches);
        });
    }

    /**
     * The client's stock of each medicine, with low-stock and expiry warnings. The request that
     * reads it records the reading.
     */
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
            lines.add(new StockLine(medicine, balance, daysLeft, low, expiring));
        }
        return lines;
    }

    /** The register of one medicine for the client: every movement with the balance after it. */
    @Transactional
    public List<RegisterLine> register(ClientRef client, UUID medicine) {
        BigDecimal balance = BigDecimal.ZERO;
        List<RegisterLine> lines = new ArrayList<>();
        for (StoredMovement stored : rows.movements(client.id(), medicine)) {
            StockMovement movement = opened(client, stored);
            balance = balance.add(movement.quantity());
            lines.add(new RegisterLine(movement, balance));
        }
        return lines;
    }

    /** Given doses leave the client's stock, if the service keeps stock of that medicine for them. */
    void administered(
            ClientRef client, Prescription p, DoseRecord record, @Nullable DoseRecord corrected, SignedInUser user) {
        if (!rows.tracked(client.id(), p.medicine().id())) {
            return;
        }
        BigDecimal before = corrected != null && corrected.outcome() == DoseRecord.Outcome.GIVEN
                ? Objects.requireNonNull(corrected.amount(), "a given dose has its amount")
                : BigDecimal.ZERO;
        BigDecimal now = record.outcome() == DoseRecord.Outcome.GIVEN ? record.amount() : BigDecimal.ZERO;
        BigDecimal change = before.subtract(now);
        if (change.signum() == 0) {
            return;
        }
        insert(
                client,
                new StockMovement(
                        ids.next(),
                        p.medicine().id(),
                        StockMovement.Kind.ADMINISTRATION,
                        change,
                        null,
                        null,
                        null,
                        corrected == null ? null : "correction",
                        record.id(),
                        user.id(),
                        record.witness(),
                        record.recordedAt()));
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

    private interface Movement<T> {
        T apply(@Nullable UserId witness);
    }

    /** Runs the movement, with the witness confirmed first (outside it) when the medicine is controlled. */
    private <T> T witnessed(
            SignedInUser user,
            ClientRef client,
            UUID medicine,
            @Nullable Witness witness,
            ClientInfo info,
            Movement<T> movement) {
        TenantId tenant = CurrentTenant.require();
        Medicine m = transactions.inTenant(
                tenant,
                () -> medicines
                        .find(medicine)
                        .orElseThrow(() -> MedicationRefused.invalid("Choose one of the service's medicines.")));
        UserId witnessId = m.controlled() ? witnessing.confirm(user, witness, info) : null;
        return transactions.inTenant(tenant, () -> movement.apply(witnessId));
    }

    private StockMovement move(
            SignedInUser user,
            ClientRef client,
            UUID medicine,
            StockMovement.Kind kind,
            BigDecimal quantity,
            @Nullable BigDecimal counted,
            @Nullable String batch,
            @Nullable LocalDate expiresOn,
            @Nullable String reason,
            @Nullable UserId witness) {
        StockMovement movement = new StockMovement(
                ids.next(),
                medicine,
                kind,
                quantity,
                counted,
                Medicines.blank(batch) ? null : batch.strip(),
                expiresOn,
                reason,
                null,
                user.id(),
                witness,
                clock.instant());
        insert(client, movement);
        trail.record(auditAction(kind), client.auditTarget(), Outcome.SUCCESS);
        return movement;
    }

    private static AuditAction auditAction(StockMovement.Kind kind) {
        return switch (kind) {
            case RECEIPT -> AuditAction.STOCK_RECEIPT_RECORDED;
            case ADMINISTRATION -> AuditAction.STOCK_ADMINISTRATION_RECORDED;
            case RETURN -> AuditAction.STOCK_RETURN_RECORDED;
            case DISPOSAL -> AuditAction.STOCK_DISPOSAL_RECORDED;
            case COUNT -> AuditAction.STOCK_COUNT_RECORDED;
        };
    }

    private void insert(ClientRef client, StockMovement movement) {
        rows.insert(
                CurrentTenant.require(),
                client.id(),
                movement,
                movement.reason() == null
                        ? null
                        : encryption.seal(reasonAddress(client, movement.id()), movement.reason()));
    }

    private StockMovement opened(ClientRef client, StoredMovement stored) {
        StockMovement m = stored.movement();
        EncryptedText reason = stored.reason();
        return new StockMovement(
                m.id(),
                m.medicineId(),
                m.kind(),
                m.quantity(),
                m.counted(),
                m.batch(),
                m.expiresOn(),
                reason == null ? null : encryption.open(reasonAddress(client, m.id()), reason),
                m.doseRecordId(),
                m.recordedBy(),
                m.witness(),
                m.recordedAt());
    }

    private static FieldAddress reasonAddress(ClientRef client, UUID movement) {
        return FieldAddress.ofClient(
                CurrentTenant.require(), client.id(), "stock_movement", "reason", movement.toString());
    }

    private static void requirePositive(BigDecimal quantity) {
        Amounts.require(quantity, "The quantity");
    }
}

package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Clock;
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
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.medication.internal.StockRows.StoredMovement;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.UserId;

/**
 * The movements of a client's stock, each recorded once and never changed: the controlled-drug
 * register is these with their running balance. Why stock left is sealed under the client's key.
 */
@Service
public class StockRegister {

    /** A line of the register: the movement and the balance after it. */
    public record RegisterLine(StockMovement movement, BigDecimal balance) {}

    /** A movement a person records: what moved, how much, and what they say about it. */
    record Entry(
            StockMovement.Kind kind,
            BigDecimal quantity,
            @Nullable BigDecimal counted,
            @Nullable String batch,
            @Nullable LocalDate expiresOn,
            @Nullable String reason) {}

    private final StockRows rows;
    private final FieldEncryption encryption;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    StockRegister(StockRows rows, FieldEncryption encryption, AuditTrail trail, Ids ids, Clock clock) {
        this.rows = rows;
        this.encryption = encryption;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /** The register of one medicine for the client: every movement with the balance after it. */
    @Transactional
    public List<RegisterLine> of(ClientRef client, UUID medicine) {
        BigDecimal balance = BigDecimal.ZERO;
        List<RegisterLine> lines = new ArrayList<>();
        for (StoredMovement stored : rows.movements(client.id(), medicine)) {
            StockMovement movement = opened(client, stored);
            balance = balance.add(movement.quantity());
            lines.add(new RegisterLine(movement, balance));
        }
        return lines;
    }

    StockMovement record(SignedInUser user, ClientRef client, UUID medicine, Entry entry, @Nullable UserId witness) {
        StockMovement movement = new StockMovement(
                ids.next(),
                medicine,
                entry.kind(),
                entry.quantity(),
                entry.counted(),
                Medicines.blank(entry.batch()) ? null : entry.batch().strip(),
                entry.expiresOn(),
                entry.reason(),
                null,
                user.id(),
                witness,
                clock.instant());
        insert(client, movement);
        trail.record(auditAction(entry.kind()), client.auditTarget(), Outcome.SUCCESS);
        return movement;
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
}

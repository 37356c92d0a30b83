package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.StockRegister.Entry;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * What people do with a client's stock of a medicine: receipts, returns and disposals, and counts.
 * The balance is the sum of the movements in the {@link StockRegister}, so it is never typed in. A
 * controlled drug received, returned or disposed of needs a witness; a count that differs from the
 * balance alerts the team's managers. Why stock left warns when it looks identifying.
 */
@Service
public class Stock {

    private final StockRows rows;
    private final StockRegister register;
    private final MedicineRows medicines;
    private final AlertRows alerts;
    private final Witnessing witnessing;
    private final TenantTransactions transactions;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    Stock(
            StockRows rows,
            StockRegister register,
            MedicineRows medicines,
            AlertRows alerts,
            Witnessing witnessing,
            TenantTransactions transactions,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Ids ids,
            Clock clock) {
        this.rows = rows;
        this.register = register;
        this.medicines = medicines;
        this.alerts = alerts;
        this.witnessing = witnessing;
        this.transactions = transactions;
        this.guard = guard;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

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
        Entry entry = new Entry(StockMovement.Kind.RECEIPT, quantity, null, batch, expiresOn, null);
        return witnessed(
                user,
                client,
                medicine,
                witness,
                info,
                witnessId -> register.record(user, client, medicine, entry, witnessId));
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
        Entry entry = new Entry(kind, quantity.negate(), null, null, null, reason.strip());
        return witnessed(
                user,
                client,
                medicine,
                witness,
                info,
                witnessId -> register.record(user, client, medicine, entry, witnessId));
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
            StockMovement count = register.record(
                    user,
                    client,
                    medicine,
                    new Entry(StockMovement.Kind.COUNT, BigDecimal.ZERO, counted, null, null, null),
                    witnessId);
            boolean matches = expected.compareTo(counted) == 0;
            if (!matches) {
                alertDiscrepancy(client, medicine, expected, counted, count.id());
            }
            return new CountResult(expected, counted, matches);
        });
    }

    private void alertDiscrepancy(
            ClientRef client, UUID medicine, BigDecimal expected, BigDecimal counted, UUID countId) {
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
                countId);
        trail.record(AuditAction.STOCK_DISCREPANCY, client.auditTarget(), Outcome.SUCCESS);
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

    private static void requirePositive(BigDecimal quantity) {
        Amounts.require(quantity, "The quantity");
    }
}

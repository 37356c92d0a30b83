package org.trackwell.clients.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.ConcernRaised;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.Ids;

/** Flags raised on a client's page by other modules, shown until a practitioner or manager clears them. */
@Service
public class ClientFlags {

    private final Clients clients;
    private final ClientHistoryRows rows;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;
    private final TenantTransactions transactions;

    ClientFlags(
            Clients clients,
            ClientHistoryRows rows,
            AuditTrail trail,
            Ids ids,
            Clock clock,
            TenantTransactions transactions) {
        this.transactions = transactions;
        this.clients = clients;
        this.rows = rows;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Raises the flag once the concern's transaction has committed, in a transaction of its own;
     * the event registry hands a concern whose flag could not be raised on again at the next start.
     */
    @TransactionalEventListener
    void on(ConcernRaised concern) {
        transactions.inNewTransaction(concern.tenant(), () -> {
            ClientRef client = clients.byId(concern.client()).orElseThrow(ClientNotFound::new);
            rows.raiseFlag(
                    concern.tenant(), ids.next(), client.id(), concern.source(), concern.message(), clock.instant());
            trail.record(AuditAction.CLIENT_FLAG_RAISED, client.auditTarget(), Outcome.SUCCESS);
            return null;
        });
    }

    @Transactional(readOnly = true)
    public List<ClientFlag> open(ClientRef client) {
        return rows.openFlags(client.id());
    }

    @Transactional
    public void clear(SignedInUser user, ClientRef client, UUID flag) {
        if (!rows.clearFlag(client.id(), flag, user.id(), clock.instant())) {
            throw new ClientChangeRefused("That flag is not open on this client.");
        }
        trail.record(AuditAction.CLIENT_FLAG_CLEARED, client.auditTarget(), Outcome.SUCCESS);
    }
}

package org.trackwell.clients;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.internal.ClientHistoryRows;
import org.trackwell.clients.internal.StoredClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;

/** Flags raised on a client's page by other modules, shown until a practitioner or manager clears them. */
@Service
public class ClientFlags {

    private final Clients clients;
    private final ClientHistoryRows rows;
    private final AuditTrail trail;
    private final Ids ids;
    private final Clock clock;

    ClientFlags(Clients clients, ClientHistoryRows rows, AuditTrail trail, Ids ids, Clock clock) {
        this.clients = clients;
        this.rows = rows;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
    }

    /** Raises a flag; the message must say what happened without identifying the client. */
    @Transactional
    public void raise(ClientRef client, String source, String message) {
        rows.raiseFlag(CurrentTenant.require(), ids.next(), client.id(), source, message, clock.instant());
        trail.record("client.flag-raised", client.auditTarget(), Outcome.SUCCESS);
    }

    @Transactional
    public List<ClientFlag> open(SignedInUser user, String code) {
        StoredClient client = clients.requireFullAccess(user, code);
        trail.record("client.flags-viewed", Clients.target(client.code()), Outcome.SUCCESS);
        return rows.openFlags(client.id());
    }

    @Transactional
    public void clear(SignedInUser user, String code, UUID flag) {
        StoredClient client = clients.requireFullAccess(user, code);
        if (!rows.clearFlag(client.id(), flag, user.id(), clock.instant())) {
            throw new ClientChangeRefused("That flag is not open on this client.");
        }
        trail.record("client.flag-cleared", Clients.target(client.code()), Outcome.SUCCESS);
    }
}

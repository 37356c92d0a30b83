package org.trackwell.clients;

import java.util.UUID;

/**
 * A client as other modules hold it: found within a user's reach (or by a job with no user), and
 * named in the audit trail by its pseudonym code.
 */
public record ClientRef(UUID id, PseudonymCode code, UUID teamId) {

    /** The client as an audit-trail target. */
    public String auditTarget() {
        return Clients.target(code);
    }
}

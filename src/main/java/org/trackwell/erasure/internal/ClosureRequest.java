package org.trackwell.erasure.internal;

import java.time.Instant;
import java.util.UUID;

/** A tenant admin's request to close the service, made after taking the whole-tenant archive. */
public record ClosureRequest(
        UUID requestedBy, Instant requestedAt, String reason, Instant archiveProducedAt, Instant closeAfter) {

    @Override
    public String toString() {
        return "ClosureRequest[requestedAt=" + requestedAt + ", closeAfter=" + closeAfter + "]";
    }
}

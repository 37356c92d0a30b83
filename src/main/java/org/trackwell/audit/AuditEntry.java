package org.trackwell.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.audit.internal.StoredEvent;

/** An audit entry as people and clients of the API read it. */
public record AuditEntry(
        UUID id,
        Instant occurredAt,
        String actorType,
        @Nullable String actorId,
        @Nullable String actorRole,
        String action,
        @Nullable String target,
        String outcome,
        @Nullable String address,
        @Nullable String requestId) {

    public static AuditEntry of(StoredEvent event) {
        return new AuditEntry(
                event.id(),
                event.occurredAt(),
                event.actorType(),
                event.actorId(),
                event.actorRole(),
                event.action(),
                event.target(),
                event.outcome(),
                event.address(),
                event.requestId());
    }
}

package org.trackwell.audit.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.audit.AuditEntry;

/** One entry of an audit trail as the API shows it: a tenant's trail, a client's access log, the operators' own. */
public record AuditEntryView(
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

    public static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(
                entry.id(),
                entry.occurredAt(),
                entry.actorType(),
                entry.actorId(),
                entry.actorRole(),
                entry.action(),
                entry.target(),
                entry.outcome(),
                entry.address(),
                entry.requestId());
    }
}

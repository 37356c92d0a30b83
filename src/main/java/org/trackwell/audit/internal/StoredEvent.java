package org.trackwell.audit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One audit entry exactly as stored and hashed. */
public record StoredEvent(
        UUID tenantId,
        UUID id,
        Instant occurredAt,
        String actorType,
        @Nullable String actorId,
        @Nullable String actorRole,
        String action,
        @Nullable String target,
        String outcome,
        @Nullable String address,
        @Nullable String userAgent,
        @Nullable String requestId) {}

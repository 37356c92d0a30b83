package org.trackwell.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored alert as its readers see it. */
public record Alert(
        UUID id,
        String rule,
        String subject,
        String what,
        @Nullable String who,
        Instant happenedAt,
        List<UUID> auditEntries,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedBy,
        @Nullable String acknowledgement) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}

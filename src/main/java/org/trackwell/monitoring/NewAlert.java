package org.trackwell.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.TenantId;

/**
 * An alert a check or rule raises. One alert is kept per rule, subject and window: the same
 * subject raised again within the window is the same alert.
 *
 * @param tenant whose admins it is for; empty for the installation's operators
 * @param rule the check or rule that raised it, such as {@code check:SCHEMA}
 * @param subject what it is about, such as a user id, an address or a finding (never a name)
 * @param what what happened, in words, with pseudonymous identifiers only
 * @param who who did it, when known (a user id, an address)
 * @param auditEntries the audit entries it rests on
 */
public record NewAlert(
        Optional<TenantId> tenant,
        String rule,
        String subject,
        String what,
        @Nullable String who,
        Instant happenedAt,
        List<UUID> auditEntries,
        Duration window) {

    public static NewAlert forOperators(String rule, String subject, String what, Instant at, Duration window) {
        return new NewAlert(Optional.empty(), rule, subject, what, null, at, List.of(), window);
    }

    public static NewAlert forTenant(
            TenantId tenant, String rule, String subject, String what, Instant at, Duration window) {
        return new NewAlert(Optional.of(tenant), rule, subject, what, null, at, List.of(), window);
    }

    /** The start of the window this alert falls in: windows are aligned to the epoch. */
    public Instant windowStart() {
        long length = Math.max(1, window.toSeconds());
        return Instant.ofEpochSecond(Math.floorDiv(happenedAt.getEpochSecond(), length) * length);
    }
}

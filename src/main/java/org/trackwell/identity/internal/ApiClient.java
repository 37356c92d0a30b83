package org.trackwell.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.identity.ApiScope;

/**
 * A service account as its admin sees it. Its keys show only when they were made and, for a key
 * that has been replaced, when it stops working; never the key itself.
 */
public record ApiClient(
        UUID id,
        String name,
        Set<ApiScope> scopes,
        Set<UUID> teams,
        int callsPerMinute,
        Instant expiresAt,
        Instant createdAt,
        @Nullable Instant revokedAt,
        List<Key> keys) {

    /** One key: made at, and for a replaced key, the end of its overlap. */
    public record Key(UUID id, Instant createdAt, @Nullable Instant retiresAt) {}

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

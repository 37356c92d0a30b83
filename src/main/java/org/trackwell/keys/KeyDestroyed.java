package org.trackwell.keys;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.TenantId;

/**
 * A key destroyed for good (crypto-shredding): one client's key, or, with no client, all of a
 * tenant's keys. Published inside the transaction that destroys it, so that a listener that fails
 * undoes the destruction.
 */
public record KeyDestroyed(TenantId tenant, @Nullable UUID client, Instant at) {

    public Optional<UUID> clientKey() {
        return Optional.ofNullable(client);
    }
}

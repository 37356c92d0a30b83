package org.trackwell.keys;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.TenantId;

/**
 * A key destroyed for good (crypto-shredding): one client's key, or, with no client, all of a
 * tenant's keys; {@code tenantClosed} when the tenant's keys went because the tenant closed, so that
 * a restore closes it again too. Published inside the transaction that destroys it, so that a
 * listener that fails undoes the destruction.
 */
public record KeyDestroyed(TenantId tenant, @Nullable UUID client, Instant at, boolean tenantClosed) {

    public KeyDestroyed(TenantId tenant, @Nullable UUID client, Instant at) {
        this(tenant, client, at, false);
    }

    public Optional<UUID> clientKey() {
        return Optional.ofNullable(client);
    }
}

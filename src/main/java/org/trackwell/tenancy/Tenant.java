package org.trackwell.tenancy;

import java.time.Instant;
import org.trackwell.shared.TenantId;

public record Tenant(TenantId id, String slug, String displayName, TenantStatus status, Instant createdAt) {

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }

    /** Whether the tenant's people may use it at all (read-only or not). */
    public boolean open() {
        return status == TenantStatus.ACTIVE || status == TenantStatus.READ_ONLY;
    }

    public boolean closed() {
        return status == TenantStatus.CLOSED;
    }
}

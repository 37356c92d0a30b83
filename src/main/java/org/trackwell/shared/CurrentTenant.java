package org.trackwell.shared;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tenant on whose behalf this thread works. Every database transaction opened while a tenant
 * is current runs with that tenant set for row-level security; with none current it sees no
 * tenant rows at all.
 */
public final class CurrentTenant {

    private static final ThreadLocal<@Nullable TenantId> CURRENT = new ThreadLocal<>();

    private CurrentTenant() {}

    public static Optional<TenantId> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static TenantId require() {
        return get().orElseThrow(() -> new IllegalStateException("no tenant is current on this thread"));
    }

    /** Makes {@code tenant} current until the returned scope is closed; scopes nest. */
    public static Scope enter(TenantId tenant) {
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

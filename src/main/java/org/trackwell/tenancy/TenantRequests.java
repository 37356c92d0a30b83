package org.trackwell.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The tenant a request was resolved to from its host name; absent on the operator's host. */
public final class TenantRequests {

    static final String ATTRIBUTE = Tenant.class.getName();

    private TenantRequests() {}

    public static Optional<Tenant> tenantOf(HttpServletRequest request) {
        return Optional.ofNullable((Tenant) request.getAttribute(ATTRIBUTE));
    }

    public static void bind(HttpServletRequest request, Tenant tenant) {
        request.setAttribute(ATTRIBUTE, tenant);
    }
}

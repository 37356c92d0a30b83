package org.trackwell.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trackwell.shared.CurrentTenant;

/**
 * Resolves the tenant from the Host header before authentication, and makes it current for the
 * request. It runs inside the security filter chain, after the security headers are set up and
 * before authentication, whose token lookup needs the tenant. An unknown host is answered exactly like a missing page, so nothing reveals which
 * tenants exist; a suspended tenant gets 403 on everything.
 */
public class TenantResolutionFilter extends OncePerRequestFilter {

    private final Tenants tenants;

    public TenantResolutionFilter(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = hostName(request);
        if (tenants.isOperatorHost(host) || servesEveryHost(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Tenant> tenant = tenants.byHost(host);
        if (tenant.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!tenant.get().active()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        TenantRequests.bind(request, tenant.get());
        try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant.get().id())) {
            chain.doFilter(request, response);
        }
    }

    private static boolean servesEveryHost(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/health")
                || path.startsWith("/health/")
                || path.startsWith("/assets/")
                || path.startsWith("/webjars/");
    }

    private static String hostName(HttpServletRequest request) {
        String host = request.getServerName();
        return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    }
}

package org.trackwell.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.ErrorDetail;

/**
 * Resolves the tenant from the Host header before authentication, and makes it current for the
 * request. It runs inside the security filter chain, after the security headers are set up and
 * before authentication, whose token lookup needs the tenant. An unknown host is answered exactly like a missing page, so nothing reveals which
 * tenants exist; a suspended tenant gets 403 on everything, a read-only one on every change (with
 * why), and a closed one 410 on everything, with a page that says it has closed.
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
        if (tenant.get().closed()) {
            ErrorDetail.send(
                    request,
                    response,
                    HttpServletResponse.SC_GONE,
                    "This service has closed. Its records were taken away by the service and then destroyed.");
            return;
        }
        if (!tenant.get().open()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!tenant.get().active() && changes(request)) {
            ErrorDetail.send(
                    request,
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "This service is read-only until it closes: you can read and download its data, but not"
                            + " change anything.");
            return;
        }
        TenantRequests.bind(request, tenant.get());
        try (CurrentTenant.Scope scope = CurrentTenant.enter(tenant.get().id())) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Whether a request may change something, other than what a read-only tenant's people still need:
     * signing in and out, confirming who they are, taking the data away, and keeping the service open
     * after all.
     */
    private static boolean changes(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return false;
        }
        String path = request.getRequestURI();
        return !(path.startsWith("/sign-in")
                || path.equals("/sign-out")
                || path.startsWith("/api/v1/auth/")
                || path.equals("/api/v1/me/confirm")
                || path.startsWith("/account/confirm")
                || path.equals("/admin/export/archive")
                || path.equals("/admin/close/withdraw")
                || path.equals("/api/v1/archive")
                || path.equals("/admin/subject-access")
                || path.equals("/api/v1/subject-access"));
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

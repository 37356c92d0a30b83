package org.trackwell.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request an id shared by all its audit entries, with its client address and agent;
 * and records, in a transaction of its own, every request refused with 401 or 403 that recorded
 * nothing else.
 */
public class AuditRequestFilter extends OncePerRequestFilter {

    private final AuditTrail trail;

    public AuditRequestFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String agent = request.getHeader("User-Agent");
        AuditContext.begin(new AuditContext.Origin(
                UUID.randomUUID().toString(),
                request.getRemoteAddr(),
                agent == null ? null : agent.substring(0, Math.min(agent.length(), 300))));
        try {
            chain.doFilter(request, response);
            int status = response.getStatus();
            if ((status == 401 || status == 403) && !AuditContext.recorded()) {
                trail.recordSeparately(
                        AuditContext.actor(),
                        AuditAction.REQUEST_REFUSED,
                        request.getMethod() + " " + routeOf(request),
                        Outcome.DENIED);
            }
        } finally {
            AuditContext.end();
        }
    }

    /** The path with anything that looks like an id replaced, so targets never carry free text. */
    private static String routeOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        String route = path.replaceAll("/[0-9a-fA-F-]{32,36}(?=/|$)", "/{id}");
        return route.length() > 200 ? route.substring(0, 200) : route;
    }
}

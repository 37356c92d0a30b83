package org.trackwell.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trackwell.database.DatabaseHealth;
import org.trackwell.shared.LogSafe;

/**
 * While the database is out of reach, every request but health is answered at once with 503 and
 * {@code Retry-After}, instead of waiting on a connection; a request that meets the outage on its
 * way (in the security filters, before any controller) gets the same answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final DatabaseHealth database;

    DatabaseOutageFilter(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.equals("/health") || path.startsWith("/health/")) {
            chain.doFilter(request, response);
            return;
        }
        if (database.unreachable()) {
            unavailable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseHealth.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database out of reach during {} {}", request.getMethod(), LogSafe.of(path));
            unavailable(request, response);
        }
    }

    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = "The service cannot reach its database just now. Please try again in a few seconds.";
        String accept = request.getHeader("Accept");
        if (!Problem.isApi(request.getRequestURI()) && accept != null && accept.contains("text/html")) {
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Trackwell is"
                            + " unavailable</title></head><body><h1>Trackwell is unavailable</h1><p>" + detail
                            + "</p></body></html>");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                            + detail + "\"}");
        }
    }
}

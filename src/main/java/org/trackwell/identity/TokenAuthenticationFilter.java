package org.trackwell.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trackwell.audit.AuditContext;
import org.trackwell.shared.CurrentTenant;

/**
 * Authenticates a request by its session token: the API only by the {@code Authorization: Bearer}
 * header, pages only by the session cookie. Keeping the two apart is what lets the API go without
 * CSRF tokens: a browser never sends the bearer header on its own.
 */
public class TokenAuthenticationFilter extends OncePerRequestFilter {

    public enum Carrier {
        BEARER_HEADER,
        COOKIE
    }

    private final Sessions sessions;
    private final Operators operators;
    private final Carrier carrier;

    /**
     * The request attribute holding the signed-in user of a page request, for the error page, which
     * the container shows after the security filters have finished with the request.
     */
    public static final String SIGNED_IN_USER = TokenAuthenticationFilter.class.getName() + ".user";

    /** On a tenant's host the token is a user's session; on the operator's host, an operator's. */
    public TokenAuthenticationFilter(Sessions sessions, Operators operators, Carrier carrier) {
        this.sessions = sessions;
        this.operators = operators;
        this.carrier = carrier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CurrentTenant.get().isEmpty() && carrier == Carrier.BEARER_HEADER) {
            token(request).flatMap(operators::authenticate).ifPresent(operator -> {
                SecurityContextHolder.getContext().setAuthentication(SignedInAuthentication.of(operator));
                AuditContext.actAs(operator.asActor());
            });
        } else if (CurrentTenant.get().isPresent()) {
            token(request).flatMap(sessions::authenticate).ifPresent(user -> {
                SecurityContextHolder.getContext().setAuthentication(SignedInAuthentication.of(user));
                AuditContext.actAs(user.asActor());
                if (carrier == Carrier.COOKIE) {
                    request.setAttribute(SIGNED_IN_USER, user);
                }
            });
        }
        chain.doFilter(request, response);
    }

    private Optional<String> token(HttpServletRequest request) {
        if (carrier == Carrier.COOKIE) {
            return SessionCookie.read(request);
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}

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
import org.trackwell.shared.ErrorDetail;

/**
 * Authenticates a request by its session token: the API only by the {@code Authorization: Bearer}
 * header, pages only by the session cookie. Keeping the two apart is what lets the API go without
 * CSRF tokens: a browser never sends the bearer header on its own. On the API the bearer may also
 * be a service account's key, which is held to the account's calls a minute (429 beyond them).
 */
public class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String SERVICE_ACCOUNT_KEY = "twk_";

    public enum Carrier {
        BEARER_HEADER,
        COOKIE
    }

    private final Sessions sessions;
    private final Operators operators;
    private final ServiceAccounts serviceAccounts;
    private final Carrier carrier;

    /**
     * The request attribute holding the signed-in user of a page request, for the error page, which
     * the container shows after the security filters have finished with the request.
     */
    public static final String SIGNED_IN_USER = TokenAuthenticationFilter.class.getName() + ".user";

    /**
     * On a tenant's host the token is a user's session, or on the API a service account's key; on
     * the operator's host, an operator's session.
     */
    public TokenAuthenticationFilter(
            Sessions sessions, Operators operators, ServiceAccounts serviceAccounts, Carrier carrier) {
        this.sessions = sessions;
        this.operators = operators;
        this.serviceAccounts = serviceAccounts;
        this.carrier = carrier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CurrentTenant.get().isEmpty() && (carrier == Carrier.BEARER_HEADER || operatorsPage(request))) {
            token(request).flatMap(operators::authenticate).ifPresent(operator -> {
                SecurityContextHolder.getContext().setAuthentication(SignedInAuthentication.of(operator));
                AuditContext.actAs(operator.asActor());
            });
        } else if (CurrentTenant.get().isPresent()) {
            Optional<SignedInUser> caller = token(request).flatMap(this::authenticate);
            caller.ifPresent(user -> {
                SecurityContextHolder.getContext().setAuthentication(SignedInAuthentication.of(user));
                AuditContext.actAs(user.asActor());
                if (carrier == Carrier.COOKIE) {
                    request.setAttribute(SIGNED_IN_USER, user);
                }
            });
            if (caller.isPresent() && caller.get().serviceAccount() && !serviceAccounts.withinLimit(caller.get())) {
                response.setHeader("Retry-After", "60");
                ErrorDetail.send(request, response, 429, "Too many calls for this service account. Wait a minute.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * On the operator's host a page takes an operator's cookie only where operators have pages:
     * theirs under {@code /operator/}, and the home page. Everywhere else they are nobody, as on the
     * tenants' pages, which are never theirs.
     */
    private static boolean operatorsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/") || path.startsWith("/operator/");
    }

    private Optional<SignedInUser> authenticate(String token) {
        if (carrier == Carrier.BEARER_HEADER && token.startsWith(SERVICE_ACCOUNT_KEY)) {
            return serviceAccounts.authenticate(token);
        }
        return sessions.authenticate(token);
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

package org.trackwell.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trackwell.shared.ErrorDetail;

/**
 * A signed-in user who has not accepted the current terms of use can do nothing else: pages go
 * to the terms page, the API answers 403 with a problem saying why.
 */
public class TermsGate extends OncePerRequestFilter {

    private static final Set<String> ALLOWED =
            Set.of("/terms", "/sign-out", "/session/keep-alive", "/api/v1/me/terms", "/api/v1/auth/logout", "/error");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && !user.termsAccepted()
                && !ALLOWED.contains(request.getRequestURI())
                && !request.getRequestURI().startsWith("/assets/")
                && !request.getRequestURI().startsWith("/webjars/")) {
            if (request.getRequestURI().startsWith("/api/")) {
                ErrorDetail.send(
                        request,
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "Accept the current terms of use first (GET and POST /api/v1/me/terms).");
            } else {
                response.sendRedirect("/terms");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}

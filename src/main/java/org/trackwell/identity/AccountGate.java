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
 * What a signed-in user must do before anything else: set up a second factor if the tenant's
 * policy requires one for their role, then accept the current terms of use. Pages go to the step's
 * page; the API answers 403 with a problem saying what to do.
 */
public class AccountGate extends OncePerRequestFilter {

    private static final Set<String> ALWAYS_ALLOWED =
            Set.of("/sign-out", "/session/keep-alive", "/api/v1/auth/logout", "/error");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI();
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInOperator operator
                && operator.mustEnrolSecondFactor()
                && !path.startsWith("/api/v1/operator/mfa/")
                && !path.equals("/api/v1/operator/logout")) {
            stop(
                    request,
                    response,
                    "/",
                    "Operators always use a second factor: set one up first" + " (POST /api/v1/operator/mfa/totp).");
            return;
        }
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && !ALWAYS_ALLOWED.contains(path)
                && !path.startsWith("/assets/")
                && !path.startsWith("/webjars/")) {
            if (user.mustEnrolSecondFactor()
                    && !path.startsWith("/account/two-factor")
                    && !path.equals("/api/v1/me")
                    && !path.startsWith("/api/v1/me/mfa")) {
                stop(
                        request,
                        response,
                        "/account/two-factor",
                        "Set up two-factor sign-in first (POST /api/v1/me/mfa/totp): your role requires it.");
                return;
            }
            if (!user.termsAccepted() && !path.equals("/terms") && !path.equals("/api/v1/me/terms")) {
                stop(
                        request,
                        response,
                        "/terms",
                        "Accept the current terms of use first (GET and POST /api/v1/me/terms).");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void stop(HttpServletRequest request, HttpServletResponse response, String page, String detail)
            throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            ErrorDetail.send(request, response, HttpServletResponse.SC_FORBIDDEN, detail);
        } else {
            response.sendRedirect(page);
        }
    }
}
